import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  beschutWerkGrondslagen,
  geefPlaatsVrij,
  leesPlan,
  plaats,
  registreerIndicatie,
  stelPlanVast,
  wachtlijst,
} from '../../administratie/beschut-werk.ts';
import {
  algemeen,
  beveiligd,
  FOUTEN,
  gemeenteParam,
  idParam,
  jaarParam,
  json,
  probleemAntwoord,
} from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { datumSchema, uuidSchema } from '../validatie.ts';

const tags = ['beschut werk'];

/** Beschut werk: plan per year, indications, the waiting list, placement of the first in line, freed places. */
export const registreerBeschutWerkRoutes: RouteModule = (
  _app,
  { db, engine },
  { registreer, antwoord, actor, vandaag },
) => {
  const grondslagen = (gemeente: string) => beschutWerkGrondslagen(engine.bibliotheek, gemeente, vandaag());
  registreer(
    createRoute({
      method: 'put',
      path: '/gemeenten/{gemeente}/beschut-werk/plannen/{jaar}',
      summary: 'Stel het geraamde aantal plaatsen beschut werk voor een jaar vast (niet lager dan bezet)',
      tags,
      security: beveiligd,
      request: {
        params: jaarParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({ plaatsen: z.number().int().min(0).max(100_000) }),
            },
          },
        },
      },
      responses: {
        200: json(algemeen, 'Vastgesteld: plaatsen, bezet, vrij'),
        ...FOUTEN,
        409: probleemAntwoord('Lager dan het aantal bezette plaatsen'),
      },
    }),
    async (c) => {
      const { gemeente, jaar } = c.req.valid('param');
      return antwoord(c, await stelPlanVast(db, actor(c), gemeente, jaar, c.req.valid('json')));
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/beschut-werk/plannen/{jaar}',
      summary: 'Het plan beschut werk van een jaar: geraamd, bezet, vrij',
      tags,
      'x-persoonsgegevens': false,
      security: beveiligd,
      request: { params: jaarParam },
      responses: { 200: json(algemeen, 'Plan'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, jaar } = c.req.valid('param');
      return antwoord(c, await leesPlan(db, actor(c), gemeente, jaar));
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/beschut-werk/indicaties',
      summary: 'Registreer een indicatie beschut werk met haar datum; de inwoner komt op de wachtlijst',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({ inwonerId: uuidSchema, indicatiedatum: datumSchema }),
            },
          },
        },
      },
      responses: {
        201: json(algemeen, 'Geregistreerd, met de positie op de wachtlijst'),
        ...FOUTEN,
        409: probleemAntwoord('Deze inwoner heeft al een lopende indicatie'),
      },
    }),
    async (c) =>
      antwoord(
        c,
        await registreerIndicatie(db, actor(c), c.req.valid('param').gemeente, c.req.valid('json')),
        201,
      ),
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/beschut-werk/wachtlijst',
      summary: 'De wachtlijst op volgorde van indicatiedatum (bij gelijke datum: volgorde van registratie)',
      tags,
      security: beveiligd,
      request: { params: gemeenteParam },
      responses: { 200: json(algemeen, 'Wachtlijst'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      return antwoord(c, await wachtlijst(db, actor(c), gemeente, grondslagen(gemeente)));
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/beschut-werk/plaatsingen',
      summary:
        'Plaats de eerste op de wachtlijst; weigert ieder ander en nooit boven het geraamde aantal plaatsen',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({ indicatieId: uuidSchema, geplaatstOp: datumSchema.optional() }),
            },
          },
        },
      },
      responses: {
        201: json(algemeen, 'Geplaatst'),
        ...FOUTEN,
        409: probleemAntwoord('Niet de eerste op de wachtlijst, of al geplaatst'),
        422: probleemAntwoord('Geen vrije plaats binnen het plan'),
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      return antwoord(
        c,
        await plaats(db, actor(c), gemeente, c.req.valid('json'), vandaag(), grondslagen(gemeente)),
        201,
      );
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/beschut-werk/plaatsingen/{id}/vrijgave',
      summary: 'Een plaats komt vrij; het antwoord stelt de volgende op de wachtlijst voor',
      tags,
      security: beveiligd,
      request: {
        params: idParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({ vrijgekomenOp: datumSchema.optional(), reden: z.string().max(1000) }),
            },
          },
        },
      },
      responses: {
        201: json(algemeen, 'Vrijgegeven, met het voorstel voor de volgende'),
        ...FOUTEN,
        409: probleemAntwoord('Niet geplaatst'),
      },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(
        c,
        await geefPlaatsVrij(
          db,
          actor(c),
          gemeente,
          id,
          c.req.valid('json'),
          vandaag(),
          grondslagen(gemeente),
        ),
        201,
      );
    },
  );
};
