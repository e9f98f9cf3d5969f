export {
  bedragTekst,
  datumTekst,
  feitLabel,
  feitWaardeTekst,
  getalTekst,
  jaarEnMaanden,
  opsomming,
  vulIn,
} from './formatteer.ts';
