// Word lists the benchmark generator draws names and texts from, so that the
// synthetic programme reads like a real one from a kabupaten.
#pragma once
#include <string_view>
#include <vector>

#include "inovasi/model/enums.h"

namespace bench {

using Words = std::vector<std::string_view>;

// Units that exist once in a kabupaten, per kind; further units are
// kecamatan, desa, RSUD and puskesmas named after generated places.
inline const Words kDinas = {"Dinas Kesehatan",
                             "Dinas Pendidikan dan Kebudayaan",
                             "Dinas Pekerjaan Umum dan Penataan Ruang",
                             "Dinas Perumahan Rakyat dan Kawasan Permukiman",
                             "Dinas Kependudukan dan Pencatatan Sipil",
                             "Dinas Sosial",
                             "Dinas Perhubungan",
                             "Dinas Lingkungan Hidup",
                             "Dinas Komunikasi dan Informatika",
                             "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
                             "Dinas Koperasi dan Usaha Mikro",
                             "Dinas Perdagangan dan Perindustrian",
                             "Dinas Pertanian dan Ketahanan Pangan",
                             "Dinas Perikanan",
                             "Dinas Tenaga Kerja",
                             "Dinas Pemuda dan Olahraga",
                             "Dinas Kebudayaan dan Pariwisata",
                             "Dinas Perpustakaan dan Kearsipan",
                             "Dinas Pemberdayaan Masyarakat dan Desa",
                             "Dinas Pengendalian Penduduk dan Keluarga Berencana",
                             "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
                             "Dinas Pemadam Kebakaran",
                             "Dinas Peternakan dan Kesehatan Hewan"};
inline const Words kBadan = {"Badan Perencanaan Pembangunan Daerah",
                             "Badan Pengelolaan Keuangan dan Aset Daerah",
                             "Badan Pendapatan Daerah",
                             "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                             "Badan Penanggulangan Bencana Daerah",
                             "Badan Kesatuan Bangsa dan Politik"};
inline const Words kSecretariat = {"Sekretariat Daerah", "Sekretariat DPRD"};
inline const Words kInspectorate = {"Inspektorat"};
inline const Words kSection = {"Bagian Organisasi",
                               "Bagian Hukum",
                               "Bagian Pemerintahan",
                               "Bagian Perekonomian",
                               "Bagian Kesejahteraan Rakyat",
                               "Bagian Pengadaan Barang dan Jasa",
                               "Bagian Protokol dan Komunikasi Pimpinan",
                               "Bagian Umum"};

// Place names are a first half and a second half: Sumber + rejo.
inline const Words kPlaceStart = {
    "Sumber",  "Kedung", "Wono",   "Sido",    "Karang", "Tegal", "Banyu",   "Ngim",
    "Jati",    "Rejo",   "Mulyo",  "Tanjung", "Padang", "Watu",  "Gunung",  "Kali",
    "Suko",    "Purwo",  "Margo",  "Tambak",  "Sri",    "Giri",  "Bandung", "Krajan",
    "Nglebur", "Bulu",   "Pucang", "Ngadi",   "Jenu",   "Temay", "Tuwiri",  "Merak",
    "Sambi",   "Klotok", "Seman",  "Ploso",   "Gesik",  "Lajo",  "Bogo",    "Kendal"};
inline const Words kPlaceEnd = {"rejo",    "sari",  "agung",    "mulyo",   "harjo",     "jati",
                                "wangi",   "asri",  "makmur",   "luhur",   "dadi",      "mukti",
                                "kerto",   "arum",  "winangun", "rahayu",  "joyo",      "asih",
                                "kencana", "mekar", "utomo",    "santoso", "manunggal", "legi",
                                "gede",    "anyar", "wetan",    "kulon",   "lor",       "kidul"};
inline const Words kPlaceQualifier = {"Lor", "Kidul", "Wetan", "Kulon", "Tengah"};

inline const Words kMaleNames = {"Budi",  "Agus",   "Bambang",  "Slamet",   "Heru",
                                 "Joko",  "Eko",    "Hadi",     "Rudi",     "Sugeng",
                                 "Wahyu", "Yusuf",  "Ahmad",    "Imam",     "Teguh",
                                 "Arif",  "Hendra", "Sutrisno", "Mochamad", "Danang"};
inline const Words kFemaleNames = {
    "Siti", "Sri",  "Endang", "Dewi",  "Rina", "Yuli", "Nur",   "Lilik",   "Wahyuni", "Ratna",
    "Eni",  "Anik", "Fitri",  "Indah", "Umi",  "Puji", "Retno", "Kartika", "Ayu",     "Laila"};
inline const Words kFamilyNames = {"Santoso", "Wibowo",    "Hidayat",  "Prasetyo",  "Susanto",
                                   "Rahayu",  "Handayani", "Setiawan", "Kurniawan", "Purnomo",
                                   "Lestari", "Utami",     "Saputra",  "Nugroho",   "Wijaya",
                                   "Hartono", "Suryani",   "Sulistyo", "Mulyono",   "Rahman",
                                   "Fauzi",   "Anwar",     "Maulana",  "Kusuma",    "Pratiwi"};
// Degrees after a name; the comma makes the name a quoted string in flow style.
inline const Words kDegrees = {", S.Sos.", ", S.T.", ", S.E.", ", M.Si.",
                               ", S.Kep.", ", S.H.", ", M.M.", ", S.Pd."};

// Idea titles: kind of innovation + what it serves + how.
inline const Words kIdeaForm = {"Layanan",  "Sistem Informasi",
                                "Aplikasi", "Gerakan",
                                "Klinik",   "Pojok",
                                "Rumah",    "Kampung",
                                "Posko",    "Gerai",
                                "Mobil",    "Sekolah",
                                "Pusat",    "Forum",
                                "Sapa"};
inline const Words kIdeaSubject = {"Perizinan",
                                   "Kependudukan",
                                   "UMKM",
                                   "Posyandu",
                                   "Pengelolaan Sampah",
                                   "Air Bersih",
                                   "Jalan Desa",
                                   "Pajak Daerah",
                                   "Arsip",
                                   "Aduan Warga",
                                   "Akta Kelahiran",
                                   "Kesehatan Ibu dan Anak",
                                   "Gizi Balita",
                                   "Literasi",
                                   "Ketahanan Pangan",
                                   "Tanggap Bencana",
                                   "Pengadaan",
                                   "Keuangan Desa",
                                   "Bantuan Sosial",
                                   "Kartu Identitas Anak",
                                   "Lansia",
                                   "Pertanian Organik",
                                   "Nelayan",
                                   "Wisata Desa",
                                   "Pasar Rakyat",
                                   "Rumah Layak Huni",
                                   "Sanitasi",
                                   "Imunisasi",
                                   "Kepegawaian",
                                   "Data Pembangunan"};
inline const Words kIdeaManner = {"Online",        "Keliling",      "Terpadu",     "Cepat",
                                  "Gotong Royong", "Satu Pintu",    "Digital",     "Mandiri",
                                  "Ramah Anak",    "Berbasis Desa", "Tanpa Antre", "Sehari Jadi",
                                  "Jemput Bola",   "Bersama Warga", "Pintar"};
inline const Words kProblems = {"masih dilayani secara manual dan memakan waktu lama",
                                "bergantung pada kehadiran petugas di kantor",
                                "belum terdata dengan baik sehingga sulit dipantau",
                                "sering menimbulkan keluhan warga",
                                "memerlukan biaya perjalanan yang besar bagi warga desa",
                                "belum menjangkau desa-desa yang jauh dari pusat kecamatan"};
inline const Words kMeans = {
    "memindahkan pendaftaran ke aplikasi ponsel dan layanan pesan singkat",
    "mendatangi warga secara berkala sesuai jadwal yang diumumkan",
    "menyatukan berkas dan persetujuan dalam satu loket",
    "melibatkan kader desa sebagai pendamping warga",
    "menyediakan papan informasi dan nomor pengaduan yang dijawab setiap hari"};
inline const Words kGoals = {"Mempercepat waktu layanan menjadi kurang dari satu hari kerja.",
                             "Menjangkau seluruh desa di wilayah kerja paling lambat akhir 2018.",
                             "Menurunkan jumlah keluhan warga sampai separuhnya.",
                             "Meningkatkan indeks kepuasan masyarakat terhadap layanan."};
inline const Words kBenefits = {"Warga tidak perlu datang berulang kali ke kantor.",
                                "Petugas dapat memantau beban layanan setiap hari.",
                                "Biaya yang ditanggung warga berkurang.",
                                "Data layanan tersedia untuk perencanaan tahun berikutnya."};
inline const Words kPlanSteps = {"Penetapan surat keputusan tim inovasi",
                                 "Penyusunan SOP",
                                 "Sosialisasi kepada masyarakat",
                                 "Pengadaan sarana pendukung",
                                 "Pengembangan aplikasi",
                                 "Pelatihan petugas",
                                 "Uji coba terbatas",
                                 "Evaluasi uji coba",
                                 "Penerapan di seluruh wilayah",
                                 "Survei kepuasan pengguna",
                                 "Penyusunan laporan aktualisasi"};
// What a bidang or seksi looks after, for proposers' positions.
inline const Words kDomains = {"Pelayanan",
                               "Perencanaan",
                               "Pengembangan",
                               "Data dan Informasi",
                               "Pemberdayaan Masyarakat",
                               "Sarana dan Prasarana"};
inline const Words kTags = {"pelayanan", "digital", "desa",       "kesehatan", "pendidikan",
                            "umkm",      "pangan",  "lingkungan", "bencana",   "data",
                            "perizinan", "anak",    "perempuan",  "lansia",    "infrastruktur"};

inline const Words kNarratives = {"Kegiatan berjalan sesuai rencana aksi triwulan ini.",
                                  "Sosialisasi telah dilaksanakan di seluruh desa sasaran.",
                                  "Aplikasi telah dipakai oleh petugas di semua loket.",
                                  "Tim inovasi melakukan pendampingan langsung kepada warga."};
inline const Words kObstacles = {"Jaringan internet di beberapa desa belum stabil.",
                                 "Sebagian petugas belum terbiasa dengan prosedur baru.",
                                 "Anggaran perubahan baru tersedia pada akhir triwulan.",
                                 "Cuaca buruk menunda kegiatan lapangan."};
inline const Words kNextSteps = {
    "Perluasan layanan ke desa yang belum terjangkau.", "Pelatihan lanjutan bagi petugas loket.",
    "Evaluasi bersama perangkat daerah terkait.", "Penyusunan bahan laporan tahunan."};

// A contract target as the programme office words it.
struct TargetShape {
  std::string_view id, name, unit;
  inovasi::Polarity polarity;
  inovasi::TargetMode mode;
  int low, high;  // range of the baseline
  bool percent;   // a share: never above 100
};
inline const std::vector<TargetShape> kTargetShapes = {
    {"waktu-layanan", "Rata-rata waktu penyelesaian layanan", "menit", inovasi::Polarity::kLower,
     inovasi::TargetMode::kCumulative, 30, 180, false},
    {"pengguna-layanan", "Jumlah warga yang memakai layanan", "orang", inovasi::Polarity::kHigher,
     inovasi::TargetMode::kPerPeriod, 200, 5000, false},
    {"kepuasan", "Indeks kepuasan masyarakat", "indeks", inovasi::Polarity::kHigher,
     inovasi::TargetMode::kCumulative, 60, 80, true},
    {"aduan-selesai", "Persentase aduan yang diselesaikan", "persen", inovasi::Polarity::kHigher,
     inovasi::TargetMode::kCumulative, 40, 75, true},
    {"dokumen-terbit", "Jumlah dokumen yang diterbitkan", "dokumen", inovasi::Polarity::kHigher,
     inovasi::TargetMode::kPerPeriod, 100, 2000, false},
    {"keluhan", "Jumlah keluhan masyarakat", "keluhan", inovasi::Polarity::kLower,
     inovasi::TargetMode::kPerPeriod, 20, 200, false},
    {"desa-terjangkau", "Desa yang terjangkau layanan", "desa", inovasi::Polarity::kHigher,
     inovasi::TargetMode::kCumulative, 2, 20, false},
    {"sosialisasi", "Kegiatan sosialisasi kepada warga", "kegiatan", inovasi::Polarity::kHigher,
     inovasi::TargetMode::kPerPeriod, 2, 12, false},
    {"data-salah", "Persentase data yang perlu diperbaiki", "persen", inovasi::Polarity::kLower,
     inovasi::TargetMode::kCumulative, 10, 40, true},
    {"biaya-warga", "Rata-rata biaya yang ditanggung warga per layanan", "ribu rupiah",
     inovasi::Polarity::kLower, inovasi::TargetMode::kPerPeriod, 20, 150, false}};

}  // namespace bench
