/** The kit's own phrases (feedback, language switch, page not found). */
const en = {
  loading: 'Loading…',
  couldNotLoad: 'Could not load this',
  tryAgain: 'Try again',
  language: 'Language',
  notFoundTitle: 'Page not found',
  notFoundBody: 'This link does not lead to a page. Check the link you were sent.',
};
const es: typeof en = {
  loading: 'Cargando…',
  couldNotLoad: 'No se pudo cargar',
  tryAgain: 'Intentar de nuevo',
  language: 'Idioma',
  notFoundTitle: 'Página no encontrada',
  notFoundBody: 'Este enlace no lleva a ninguna página. Revise el enlace que recibió.',
};
export const kitMessages = { en, es };
