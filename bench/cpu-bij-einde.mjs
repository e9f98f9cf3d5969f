// Preloaded (node --import) into a program the bench times from outside: at exit it writes the
// process's own resource usage (CPU of all its threads, peak memory) to file descriptor 3. Node
// preloads it into worker threads too; only the main thread reports.
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread)
  process.on('exit', () => {
    try {
      writeSync(3, JSON.stringify(process.resourceUsage()));
    } catch {
      // Not started by the bench: nobody listens on fd 3.
    }
  });
