export { draaiGeval, draaiTestbestand, type GevalUitslag, leesTestbestand } from './draai.ts';
