export {
  bedragTekst,
  datumTekst,
  feitLabel,
  feitWaardeTekst,
  getalTekst,
  opsomming,
  vulIn,
} from './formatteer.ts';
