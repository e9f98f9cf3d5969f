import { useEffect, useState } from 'react';
import { api } from './api/klant.ts';
import type { Feitdefinitie } from './api/typen.ts';

/** The fact vocabulary, read once per session and shared by every screen. */
let gelezen: Promise<readonly Feitdefinitie[]> | undefined;

export function useFeiten(): ReadonlyMap<string, Feitdefinitie> | undefined {
  const [feiten, zetFeiten] = useState<ReadonlyMap<string, Feitdefinitie>>();
  useEffect(() => {
    gelezen ??= api.GET('/feiten').then(({ data }) => {
      if (!data) gelezen = undefined;
      return data ?? [];
    });
    void gelezen.then((lijst) => zetFeiten(new Map(lijst.map((f) => [f.naam, f]))));
  }, []);
  return feiten;
}
