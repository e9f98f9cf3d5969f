import { Agent, request } from 'node:http';

/**
 * Open-loop load at a constant rate: request i is due at start + i / rate, whatever happened to the
 * ones before it. autocannon holds a rate with a per-second quota per connection, which arrives as a
 * burst at the start of each second; a target phrased as "p99 at 1,000 requests/s" means evenly spaced
 * arrivals, which this gives. Latency is counted from the moment a request was due, not from when it
 * was sent, so a late sender (or a stalled server) shows in the figures instead of hiding them
 * (coordinated omission).
 */
export interface GelijkmatigeMeting {
  readonly verzoeken: number;
  readonly perSeconde: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly fouten: number;
}

export async function gelijkmatig(opties: {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  /** Request i sends body i modulo their number (a case mix), each with its own length. */
  lichamen: readonly string[];
  perSeconde: number;
  seconden: number;
}): Promise<GelijkmatigeMeting> {
  const doel = new URL(opties.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const totaal = Math.round(opties.perSeconde * opties.seconden);
  const latenties = new Float64Array(totaal);
  const lichamen = opties.lichamen.map((l) => Buffer.from(l));
  let fouten = 0;
  let klaar = 0;
  let verstuurd = 0;
  const begin = performance.now();

  const stuur = (i: number, gepland: number) =>
    new Promise<void>((af) => {
      const lichaam = lichamen[i % lichamen.length]!;
      const headers = { ...opties.headers, 'content-length': String(lichaam.length) };
      const req = request(
        { host: doel.hostname, port: doel.port, path: doel.pathname, method: opties.method, headers, agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) fouten++;
            latenties[i] = performance.now() - gepland;
            af();
          });
        },
      );
      req.on('error', () => {
        fouten++;
        latenties[i] = performance.now() - gepland;
        af();
      });
      req.end(lichaam);
    });

  await new Promise<void>((alles) => {
    const tik = () => {
      const nu = performance.now();
      while (verstuurd < totaal && begin + (verstuurd * 1000) / opties.perSeconde <= nu) {
        const i = verstuurd++;
        void stuur(i, begin + (i * 1000) / opties.perSeconde).then(() => {
          if (++klaar === totaal) alles();
        });
      }
      // A 1 ms timer, not a busy loop: the sender must not take the core the server needs.
      if (verstuurd < totaal) setTimeout(tik, 1);
    };
    tik();
  });
  const duur = (performance.now() - begin) / 1000;
  agent.destroy();
  const gesorteerd = [...latenties].sort((a, b) => a - b);
  const kwantiel = (q: number) =>
    gesorteerd[Math.min(gesorteerd.length - 1, Math.ceil(q * gesorteerd.length) - 1)]!;
  return {
    verzoeken: totaal,
    perSeconde: totaal / duur,
    p50: kwantiel(0.5),
    p99: kwantiel(0.99),
    max: gesorteerd[gesorteerd.length - 1]!,
    fouten,
  };
}
