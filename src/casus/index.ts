export { type CasusControle, isCasus, maakCasusControle } from './controle.ts';
export {
  FEIT_INDEX,
  FEITEN,
  type FeitDefinitie,
  type FeitType,
  LANDELIJK_VOCABULAIRE,
  UITKERINGEN,
  type Vocabulaire,
  type VoorzieningDefinitie,
} from './feiten.ts';
export {
  type Afwijking,
  aanvraagOpenSchema,
  aanvraagSchema,
  casusInvoerSchema,
  afwijkingOpenSchema,
  afwijkingSchema,
  type Casus,
  casusSchema,
  type CasusSchemas,
  casusSchemasVoor,
  feitenSchema,
  veldFouten,
} from './schema.ts';
