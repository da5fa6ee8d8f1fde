//! What is not a place: streets, dishes, titles, clubs, works and peoples named after one.

use crate::regions::{Found, find};

fn f(text: &str) -> Found {
    find(None, [text])
}

#[test]
fn streets_dishes_titles_and_idioms_are_not_places() {
    for text in [
        "demo di Jalan Medan Merdeka Barat",
        "di Jln. Surabaya nomor 3",
        "kantor di Jl. Padang Panjang nomor 3",
        "makan nasi Padang dan bakso Malang",
        "rumah makan Padang di sana",
        "spesies baru cicak pecel Madiun dan oleh-oleh bika Ambon",
        "wisatawan menghadiri upacara Rambu Solo di kampung itu",
        "jemaah menghadiri haul Guru Padang yang dikenal luas",
        "sarapan coto Makassar lalu membeli dodol Garut",
        "kata Karo Humas Polda itu",
        "jenazah dimasukkan ke liang lahat",
        "dari Sabang-Merauke bersatu",
        "laga PSM Makassar melawan Persib Bandung",
        "kapal KRI Teluk Cirebon bersandar",
        "Pelabuhan Tanjung Buton ramai",
        "makan siang di RM Padang Jaya",
        "mengenakan pakaian adat Padang",
        "resep soto khas Surabaya",
        "laga Semen Padang melawan tim tamu",
        "aksi di Medan Merdeka Barat",
        "penyanyi Oki Lestari dan Pali Putra",
        "direktur PT Solo Karya Mandiri",
        "diunggah akun @medan_info dan @info_palu",
        "sidang Organisasi Kerja Sama Islam (OKI) di Jeddah",
        "spesialis rias pengantin Yogya",
        "warga Desa Contoh, Kecamatan Karanganyar",
        "kenal pisang sale, makanan khas dari Kabupaten Lebak",
        "mencicipi kuliner asal Palembang",
        "soto khas dari Lamongan",
        "Marfa merupakan kota padang pasir di Texas",
        "Medan terjal dan angin kencang menghambat pendakian",
        "Padang rumput itu menguning",
        "ia memang sudah tua bangka",
        "kerajinan dari buah ketapang",
        "rokok ilegal disita di Pulau Sumbawa",
        "puncak Sail Nias digelar di dermaga",
        "menjadikan Kepulauan Nias destinasi wisata dunia",
        "peran pemerintah dan DAS Solo menata sungai",
        "pembalap muda berdarah Ambon itu",
        "naskah itu memuat Babad Demak",
        "mobil berhenti di Terowongan Kendal",
        "sejarah Kerajaan Mataram",
        "bantuan diserahkan Kadis Sosial Supardi Padang, MM kepada warga",
        "sambutan Camat Rahmat Bima, S.Sos di balai desa",
        "kental dengan adat dan budaya Minahasa",
        "ragam motif tenun Buton dan songket Palembang",
        "harga duku Palembang turun",
    ] {
        assert_eq!(f(text), Found::default(), "{text}");
    }
    // The same names as places.
    assert_eq!(f("warga Medan menonton").regions, ["Medan"]);
    assert_eq!(
        f("Wali Kota Padang, Hendri Septa, SE menyerahkan bantuan").regions,
        ["Padang"]
    );
    // Teachers of a town in lower case or in a headline.
    assert_eq!(f("para guru Padang mogok").regions, ["Padang"]);
    assert_eq!(f("Ratusan Guru Padang Mogok Mengajar").regions, ["Padang"]);
    // A council or a quarter named after where it is, not a people's subgroup.
    assert_eq!(
        f("Ketua Dewan Adat Dayak Sintang membuka ritual").regions,
        ["Sintang"]
    );
    assert_eq!(
        f("banjir rob di Kampung Bugis Tanjungpinang").regions,
        ["Tanjung Pinang"]
    );
    assert_eq!(
        f("Festival Budaya Banyuwangi dibuka").regions,
        ["Banyuwangi"]
    );
    assert_eq!(f("cagar budaya Semarang rusak").regions, ["Kota Semarang"]);
    assert!(
        f("jadi wajar kalau budaya Minahasa yang ditampilkan")
            .regions
            .is_empty()
    );
    assert_eq!(
        f("Warga di Kebon Manggis Jakarta Timur").regions,
        ["Jakarta Timur"]
    );
    assert_eq!(f("Bupati Lahat hadir").regions, ["Lahat"]);
    assert_eq!(f("warga Lahat hadir").regions, ["Lahat"]);
    assert_eq!(f("warga Karo mengungsi").regions, ["Karo"]);
    // `Karo` heading any bureau is its head's title; beside a place or a district of
    // its own it is the regency.
    assert!(
        f("usulan itu diterima Karo Lemtala Srena Polri")
            .regions
            .is_empty()
    );
    assert_eq!(f("erupsi di Karo Berastagi, kemarin").regions, ["Karo"]);
    assert_eq!(f("perbaikan jalan Kendari").regions, ["Kendari"]);
    assert_eq!(f("kata pers Medan").regions, ["Medan"]);
    assert_eq!(f("warga Tanjung Pinang").regions, ["Tanjung Pinang"]);
    assert_eq!(f("wisata di Pulau Simeulue").regions, ["Simeulue"]);
    // `timur laut` is north-east.
    assert_eq!(f("gempa 65 km timur laut Rembang").regions, ["Rembang"]);
    assert_eq!(f("banjir di Sumbawa, NTB").regions, ["Sumbawa"]);
    assert_eq!(f("banjir di OKI dan PALI, Sumsel").regions.len(), 2);
    assert_eq!(
        f("Ogan Komering Ilir (OKI) dan Pemkab OKI").regions,
        ["Ogan Komering Ilir"]
    );
    assert_eq!(f("Bupati Palu Oki Karya Ilham").regions, ["Palu"]);
    assert_eq!(f("warga Medan merayakan hari merdeka").regions, ["Medan"]);
    // The regency after its district, a visitor from a place, the place of a dish.
    assert_eq!(
        f("Kecamatan Karanganyar, Kabupaten Demak").regions,
        ["Demak"]
    );
    assert_eq!(
        f("pengantin asal Yogya menikah").provinces,
        ["DI Yogyakarta"]
    );
    assert_eq!(f("di Kec. Binjai, Kab. Langkat").regions, ["Langkat"]);
    // A name scrubbed from the text leaves the prefix before the next place.
    assert_eq!(
        f("Kelurahan Rangkah, Kecamatan ,, Surabaya").regions,
        ["Surabaya"]
    );
    assert_eq!(f("makanan khas warga Palembang").regions, ["Palembang"]);
    assert_eq!(f("warga kota Padang berkumpul").regions, ["Padang"]);
}

#[test]
fn names_of_clubs_works_and_schools_are_not_places() {
    for text in [
        "gol kedua Blitar Bandung United di menit akhir",
        "pemain baru Madiun FC tiba",
        "produk Andakarya Bandung Valley laris",
        "bek itu membela Maung Bandung musim ini",
        "tim berjuluk Laskar Kendari kalah",
        "nominasi Festival Film Bandung tahun ini",
        "lagu Ambon yang ia nyanyikan",
        "promosi project Solo miliknya",
        "dirias dengan paes Solo putri",
        "dosen Universitas Jember yang lolos seleksi",
        "peneliti Institut Pertanian Bogor menyebut",
        "peringkat Politeknik Negeri Semarang Politeknik Negeri Madiun",
        "kata guru besar Universitas 17 Agustus 1945 (Untag) Surabaya itu",
        "oleh-oleh kopi Bogor dan ubi Cilembu",
        "persiapan menjamu Surabaya pekan depan",
        "kata Karo Monev Polri itu",
        "bank itu menggandeng MAPPI untuk menilai aset",
        "sampah mencemari tanah, laut dan udara",
        "pelantun tembang \"Solo\" itu",
        "olahan pisang Ambon",
        "dilansir dari Tribun Jogja",
        "di bawah Jembatan Siak itu",
        "makanan Padang seperti rendang",
        "pemain PS Sleman itu",
        "CEO Bandung Premier League",
        "sebutan suku Bugis Makassar untuk bidan",
        "adat suku Makassar",
        "memakai baju adat Bugis Makassar",
        "gereja orang Batak Toba di kota itu",
        "tari Dayak Paser dipentaskan",
        "Ketua Yayasan Mataram sekaligus menteri",
        "didominasi oleh etnik Minahasa dan kristen",
        "berstatus dosen di Institut Pertanian Bogor",
        "menurut Karo, lingkup monitoring",
        "asisten pelatih klub Pelita Bandung Raya",
        "hotel di kawasan Solo Baru, Kecamatan Grogol",
        "lahan milik PT Hutan Contoh Ketapang Industri disegel",
        "saham PT Indonesia Asahan Aluminium naik",
        "buku itu terbitan penerbit Pustaka Contoh Bandung",
        "wisata ke Gili Ketapang pekan ini",
        "kapal melintas di Selat Makassar bagian selatan",
        "gletser di Pegunungan Jayawijaya menyusut",
        "jalan di tepi Selokan Mataram",
        "gempa itu tidak dipicu Sesar Sorong",
        "seperti ditulis dalam kitab itu (Semarang: Toha Putra, 1990)",
        "doa itu (Imam Contoh, Kitab Contoh, Semarang: Penerbit Contoh, hal. 74)",
        "jenazah diantar ke liang Lahat",
        "ia menilai pendapat itu mengada-ngada saja",
        // Schools without a head word the rule knew, and rankings of schools.
        "ia tercatat sebagai mahasiswa Sunan Contoh Surabaya",
        "kata mantan rektor UIN Bandung tersebut",
        "dosen STIE Contoh Surabaya itu menulis buku",
        "MAN 2 Kota Malang menjadi sekolah terbaik tahun ini",
        "peringkat 3 diraih SMAN 1 Jember",
        "selisih 8 peringkat di atas Institut Pertanian Bogor",
        "dan juara ketiga Budi Contoh SMK Bina Contoh Bekasi",
        "lima finalis itu antara lain SMK Negeri 3 Jepara",
        // Study, work and partners of a university, which happen anywhere.
        "mobil listrik buatan Institut Teknologi Contoh ITS Surabaya",
        "ia pernah studi di Institut Teknologi Bandung",
        "setahun kuliah di ITB Bandung",
        "program itu menggandeng Institut Teknologi Bandung dan dua bank",
        "peringkat Sekolah Tinggi Transportasi Darat Bekasi naik",
        // A market named after a town, and a person named like one.
        "belanja barang antik di Pasar Contoh dan Pasar Kampar",
        "model Kendal Contohson berpose di karpet merah",
    ] {
        assert_eq!(f(text), Found::default(), "{text}");
    }
    for (text, region) in [
        // A university's own news, a jail's class, a high court.
        (
            "Universitas Sebelas Maret (UNS) Solo akan memberikan gelar",
            "Surakarta",
        ),
        ("tahanan Rutan Kelas IIB Sumenep kabur", "Sumenep"),
        (
            "ia hakim tinggi pada Pengadilan Tinggi Denpasar",
            "Denpasar",
        ),
        ("bertandang ke Surabaya pekan depan", "Surabaya"),
        ("jembatan Siak rusak", "Siak"),
        ("Suku Dinas Jakarta Utara memeriksa", "Jakarta Utara"),
        ("di Pasuruan baru-baru ini", "Kota Pasuruan"),
        ("warga Tanah Laut mengungsi", "Tanah Laut"),
        ("bus rute Surabaya-Solo terguling", "Surabaya"),
        ("PALI dan MAPPI di Sumsel", "Penukal Abab Lematang Ilir"),
    ] {
        assert_eq!(
            f(text).regions.first().map(String::as_str),
            Some(region),
            "{text}"
        );
    }
    // A bracket inside a name does not end it, a comma does.
    assert_eq!(
        f("titik api di Ogan Komering Ulu (OKU) Timur").regions,
        ["Ogan Komering Ulu Timur"]
    );
    assert_eq!(
        f("titik api di Ogan Komering Ulu (OKU) dan Muara Enim").regions,
        ["Ogan Komering Ulu", "Muara Enim"]
    );
    // Only a short form in brackets: two regions side by side stay two.
    assert_eq!(
        f("Gempa mengguncang Buton & Buton Tengah pagi tadi.").regions,
        ["Buton", "Buton Tengah"]
    );
    // A firm's name where something was said, and a town after a firm's.
    assert_eq!(
        f("kata direktur PT Contoh Bandung, Senin").regions,
        ["Kota Bandung"]
    );
    assert_eq!(f("pabrik PT Contoh di Garut").regions, ["Garut"]);
    assert_eq!(f("di Garut: Warga mengungsi pada 2019").regions, ["Garut"]);
    // The market of a town, a town before a day or in a list, and a name after `di`.
    assert_eq!(f("harga cabai di pasar Kampar naik").regions, ["Kampar"]);
    assert_eq!(f("banjir di Kendal Senin lalu").regions, ["Kendal"]);
    assert_eq!(
        f("hujan di Demak dan Kendal. Warga mengungsi").regions,
        ["Demak", "Kendal"]
    );
    assert_eq!(f("di Kendal Bupati baru dilantik").regions, ["Kendal"]);
    // A pupil's school, a list of schools and a body of students stay the town's.
    assert_eq!(f("siswi SMKN 1 Bandung ditusuk").regions, ["Kota Bandung"]);
    assert_eq!(
        f("sekolah yang diliburkan adalah SMA Contoh Jember, SMA Lain Lumajang").regions,
        ["Jember", "Lumajang"]
    );
    assert_eq!(
        f("insiden di asrama mahasiswa Papua Surabaya").regions,
        ["Surabaya"]
    );
    assert_eq!(f("demo mahasiswa Surabaya ricuh").regions, ["Surabaya"]);
    assert_eq!(
        f("Demo Mahasiswa Depan Kampus Makassar").regions,
        ["Makassar"]
    );
    // Where the news happens, the place stays.
    assert_eq!(f("seminar di Universitas Jember").regions, ["Jember"]);
    assert_eq!(
        f("Institut Teknologi Bandung membuka prodi baru").regions,
        ["Kota Bandung"]
    );
    assert_eq!(
        f("kata guru besar Universitas Jember, Senin").regions,
        ["Jember"]
    );
    assert_eq!(f("tim SAR Padang mencari").regions, ["Padang"]);
    assert_eq!(f("laga di Stadion Segiri Samarinda").regions, ["Samarinda"]);
    assert_eq!(f("warga Bandung menonton film").regions, ["Kota Bandung"]);
    // Named elsewhere in the article, it is the article's region after all.
    assert_eq!(
        f("bek Maung Bandung itu lahir di Bandung").regions,
        ["Kota Bandung"]
    );
}
