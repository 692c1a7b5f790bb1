// Interface text shared by every page. Each application keeps its own words in src/text.js.
import { defaultLang } from './config.js';

export const words = {
  id: {
    switchTo: 'English',
    contacts: 'Kontak',
    email: 'Surel',
    phone: 'Telepon',
    address: 'Alamat',
    website: 'Situs web',
    localTime: 'Waktu setempat',
    notFoundTitle: 'Tidak ditemukan',
    notFound: 'Halaman yang Anda cari tidak ditemukan.',
    methodNotAllowed: 'Metode tidak diizinkan untuk alamat ini.',
    tooLarge: 'Isian terlalu besar.',
    badJson: 'Isi permintaan bukan JSON yang sah.',
    badType: 'Kirim isian sebagai formulir (application/x-www-form-urlencoded) atau JSON.',
    serverError: 'Terjadi kesalahan pada server. Silakan coba lagi.',
    error: 'Kesalahan',
    unavailableTitle: 'Layanan sedang tidak tersedia',
    unavailable: 'Layanan sedang tidak dapat menyimpan atau membaca data. Petugas sudah diberi tahu; silakan coba lagi beberapa saat lagi.',
    tooMany: (seconds) => `Terlalu banyak kiriman dari alamat Anda. Silakan coba lagi dalam ${seconds} detik.`,
  },
  en: {
    switchTo: 'Bahasa Indonesia',
    contacts: 'Contacts',
    email: 'E-mail',
    phone: 'Phone',
    address: 'Address',
    website: 'Website',
    localTime: 'Local time',
    notFoundTitle: 'Not found',
    notFound: 'The page you are looking for was not found.',
    methodNotAllowed: 'This method is not allowed at this address.',
    tooLarge: 'The request body is too large.',
    badJson: 'The request body is not valid JSON.',
    badType: 'Send the fields as a form (application/x-www-form-urlencoded) or as JSON.',
    serverError: 'Something went wrong on the server. Please try again.',
    error: 'Error',
    unavailableTitle: 'Service unavailable',
    unavailable: 'The service cannot store or read data right now. The staff have been told; please try again in a little while.',
    tooMany: (seconds) => `Too many submissions from your address. Please try again in ${seconds} seconds.`,
  },
};

/** The request's language: `?lang=en` or `?lang=id`, otherwise the copy's default. */
export function langOf(url) {
  const asked = url.searchParams.get('lang');
  return asked === 'en' || asked === 'id' ? asked : defaultLang;
}

/** A local link that keeps the visitor's language (only added when it differs from the default). */
export function link(path, lang, params = {}) {
  const url = new URL(path, 'http://local');
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (lang !== defaultLang) url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}
