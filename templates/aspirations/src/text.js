// LAKSA's interface text in Bahasa Indonesia and English.
export const text = {
  id: {
    title: 'Sampaikan aspirasi atau pengaduan',
    intro: 'Laporan Anda diteruskan ke perangkat daerah (OPD) yang bertanggung jawab dan dapat dipantau dengan nomor tiket.',
    lapor: 'Laporan juga dapat diteruskan ke layanan nasional SP4N-LAPOR!.',
    category: 'Kategori', message: 'Isi laporan', name: 'Nama (boleh dikosongkan)', contact: 'Kontak (boleh dikosongkan)',
    send: 'Kirim', track: 'Nomor tiket', check: 'Cek status',
    ticketTitle: 'Status laporan', ticket: 'Nomor tiket', status: 'Status', routed: 'Diteruskan ke', due: 'Batas tindak lanjut',
    statuses: { diterima: 'Diterima', diteruskan: 'Diteruskan ke OPD', ditindaklanjuti: 'Ditindaklanjuti', diverifikasi: 'Diverifikasi', selesai: 'Selesai' },
    problems: { category: 'Pilih kategori yang tersedia.', message: 'Isi laporan harus 10 sampai 2000 karakter.', name: 'Nama terlalu panjang.', contact: 'Kontak terlalu panjang.' },
  },
  en: {
    title: 'Send an aspiration or complaint',
    intro: 'Your report goes to the responsible regional office (OPD) and can be tracked with its ticket number.',
    lapor: 'Reports can also be forwarded to the national SP4N-LAPOR! service.',
    category: 'Category', message: 'Report', name: 'Name (optional)', contact: 'Contact (optional)',
    send: 'Send', track: 'Ticket number', check: 'Check status',
    ticketTitle: 'Report status', ticket: 'Ticket number', status: 'Status', routed: 'Routed to', due: 'Follow-up due',
    statuses: { diterima: 'Received', diteruskan: 'Forwarded to the OPD', ditindaklanjuti: 'In progress', diverifikasi: 'Verified', selesai: 'Closed' },
    problems: { category: 'Choose one of the categories.', message: 'The report must be 10 to 2000 characters long.', name: 'The name is too long.', contact: 'The contact is too long.' },
  },
};
