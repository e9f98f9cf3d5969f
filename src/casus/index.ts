export { type CasusControle, isCasus, maakCasusControle } from './controle.ts';
export { FEIT_INDEX, FEITEN, type FeitDefinitie, type FeitType, UITKERINGEN } from './feiten.ts';
export {
  type Afwijking,
  aanvraagSchema,
  afwijkingSchema,
  type Casus,
  casusSchema,
  feitenSchema,
  veldFouten,
} from './schema.ts';
