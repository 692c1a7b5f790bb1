// Interface text shared by every page; each application adds its own words in src/app.js.
export const words = {
  id: {
    home: 'Beranda',
    contacts: 'Kontak',
    emergency: 'Nomor darurat',
    localTime: 'Waktu setempat',
    notFound: 'Halaman tidak ditemukan.',
    serverError: 'Terjadi kesalahan pada server.',
    language: 'English',
  },
  en: {
    home: 'Home',
    contacts: 'Contacts',
    emergency: 'Emergency numbers',
    localTime: 'Local time',
    notFound: 'Page not found.',
    serverError: 'Something went wrong on the server.',
    language: 'Bahasa Indonesia',
  },
};

export function langOf(url) {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'id';
}
