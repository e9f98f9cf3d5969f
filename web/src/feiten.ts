import { useEffect, useState } from 'react';
import { api } from './api/klant.ts';
import type { Feitdefinitie } from './api/typen.ts';

/**
 * The fact vocabulary of a gemeente (the national facts and those its regulations declare), read once
 * per session and gemeente and shared by every screen.
 */
const gelezen = new Map<string, Promise<readonly Feitdefinitie[]>>();

export function useFeiten(gemeente?: string): ReadonlyMap<string, Feitdefinitie> | undefined {
  const [feiten, zetFeiten] = useState<ReadonlyMap<string, Feitdefinitie>>();
  useEffect(() => {
    const sleutel = gemeente ?? '';
    let lijst = gelezen.get(sleutel);
    if (!lijst) {
      lijst = api.GET('/feiten', { params: { query: gemeente ? { gemeente } : {} } }).then(({ data }) => {
        if (!data) gelezen.delete(sleutel);
        return data ?? [];
      });
      gelezen.set(sleutel, lijst);
    }
    void lijst.then((l) => zetFeiten(new Map(l.map((f) => [f.naam, f]))));
  }, [gemeente]);
  return feiten;
}
