export {
  dagenInMaand,
  dagnummerVan,
  eindeTermijnDagen,
  eindeTermijnMaanden,
  type IsoDatum,
  isGeldigeDatum,
  leeftijdenOp,
  leeftijdOp,
  max,
  min,
  naarDagnummer,
  plusDagen,
  plusMaanden,
  vanDagnummer,
  vergelijk,
} from './datum.ts';
export { bezwaartermijnEinde, isFeestdag, paaszondag, verlengdeEinddatum, weekdag } from './termijnenwet.ts';
