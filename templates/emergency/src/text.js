// Gawat Darurat 112's interface text in Bahasa Indonesia and English.
export const text = {
  id: {
    title: 'Nomor darurat',
    intro: 'Dalam keadaan darurat, sentuh nomor untuk langsung menelepon.',
    hours: 'Jam layanan 112',
    now: 'Waktu setempat sekarang',
    by: 'Penanggung jawab',
    facilities: 'Fasilitas darurat',
    none: 'Belum ada fasilitas yang didaftarkan.',
    kinds: { hospital: 'Rumah sakit', puskesmas: 'Puskesmas', police: 'Kepolisian', fire: 'Pemadam kebakaran', disaster: 'Penanggulangan bencana', other: 'Lainnya' },
  },
  en: {
    title: 'Emergency numbers',
    intro: 'In an emergency, tap a number to call it straight away.',
    hours: '112 service hours',
    now: 'Local time now',
    by: 'Responsible office',
    facilities: 'Emergency facilities',
    none: 'No facilities have been listed yet.',
    kinds: { hospital: 'Hospitals', puskesmas: 'Community health centres', police: 'Police', fire: 'Fire brigade', disaster: 'Disaster management', other: 'Other' },
  },
};
