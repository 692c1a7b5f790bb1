export type Lang = 'id' | 'en';
export type Params = Record<string, string | number | undefined>;
export interface Message {
  text: (p: Params) => string;
  hint: (p: Params) => string;
}
export type Catalogue = Record<string, Message>;
