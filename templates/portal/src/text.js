// The portal's interface text in Bahasa Indonesia and English.
export const text = {
  id: {
    title: 'Layanan untuk warga',
    emergency: 'Nomor darurat',
    services: 'Layanan daerah',
    noServices: 'Belum ada layanan lain.',
    links: 'Tautan lainnya',
    news: 'Berita dan pengumuman',
    noNews: 'Belum ada berita.',
    more: 'Selengkapnya',
  },
  en: {
    title: 'Services for citizens',
    emergency: 'Emergency numbers',
    services: 'Regional services',
    noServices: 'No other services yet.',
    links: 'Other links',
    news: 'News and announcements',
    noNews: 'No news yet.',
    more: 'Read more',
  },
};
