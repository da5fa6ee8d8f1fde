//! The built-in tables: synonym groups, one-way inclusions and topics, chosen from what the
//! monitoring corpora write.

use std::collections::BTreeMap;

use super::Synonyms;

/// The built-in synonym groups, keyed by their first term. Chosen from what the monitoring
/// corpora actually write: civil-service, regional-government and police abbreviations, and
/// social-media words.
const DEFAULT_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "asn",
        &["pns", "aparatur sipil negara", "pegawai negeri sipil"],
    ),
    (
        "pppk",
        &["p3k", "pegawai pemerintah dengan perjanjian kerja"],
    ),
    ("honorer", &["tenaga honorer"]),
    ("medsos", &["media sosial"]),
    ("warganet", &["netizen"]),
    ("hoaks", &["hoax", "berita bohong"]),
    ("live", &["siaran langsung", "live streaming"]),
    ("tiktok", &["tik tok"]),
    ("ig", &["instagram"]),
    ("fb", &["facebook"]),
    ("flexing", &["pamer kemewahan", "pamer harta"]),
    ("ujaran kebencian", &["hate speech"]),
    ("pemda", &["pemerintah daerah"]),
    ("pemkab", &["pemerintah kabupaten"]),
    ("pemkot", &["pemerintah kota"]),
    ("pemprov", &["pemerintah provinsi"]),
    ("opd", &["organisasi perangkat daerah"]),
    ("sekda", &["sekretaris daerah"]),
    ("wali kota", &["walikota", "walkot"]),
    ("wabup", &["wakil bupati"]),
    ("wawali", &["wakil wali kota", "wakil walikota"]),
    ("wagub", &["wakil gubernur"]),
    ("kades", &["kepala desa"]),
    ("kabag", &["kepala bagian"]),
    ("prokopim", &["protokol dan komunikasi pimpinan"]),
    (
        "bkpsdm",
        &[
            "bkd",
            "bkpsdmd",
            "badan kepegawaian daerah",
            "badan kepegawaian dan pengembangan sumber daya manusia",
        ],
    ),
    ("bkn", &["badan kepegawaian negara"]),
    ("kasn", &["komisi aparatur sipil negara"]),
    ("inspektorat", &["itda", "inspektorat daerah"]),
    ("dprd", &["dewan perwakilan rakyat daerah"]),
    ("satpol pp", &["satpol", "satuan polisi pamong praja"]),
    ("polres", &["polresta", "kepolisian resor"]),
    ("polda", &["kepolisian daerah"]),
    ("polsek", &["kepolisian sektor"]),
    ("polri", &["kepolisian negara republik indonesia"]),
    ("kpk", &["komisi pemberantasan korupsi"]),
    ("tipikor", &["tindak pidana korupsi"]),
    ("kejari", &["kejaksaan negeri"]),
    ("kejati", &["kejaksaan tinggi"]),
    ("kemendagri", &["kementerian dalam negeri"]),
    ("mendagri", &["menteri dalam negeri"]),
    (
        "kemenpan rb",
        &[
            "kemenpanrb",
            "kemenpan",
            "kementerian pendayagunaan aparatur negara dan reformasi birokrasi",
        ],
    ),
    (
        "menpan rb",
        &[
            "menpanrb",
            "menpan",
            "menteri pendayagunaan aparatur negara dan reformasi birokrasi",
        ],
    ),
    ("kominfo", &["kementerian komunikasi dan informatika"]),
    ("diskominfo", &["dinas komunikasi dan informatika"]),
    ("dinkes", &["dinas kesehatan"]),
    ("disdik", &["dinas pendidikan"]),
    ("bpbd", &["badan penanggulangan bencana daerah"]),
    ("rsud", &["rumah sakit umum daerah"]),
    ("apbd", &["anggaran pendapatan dan belanja daerah"]),
    ("pj", &["penjabat"]),
    ("plt", &["pelaksana tugas"]),
    ("plh", &["pelaksana harian"]),
    ("pilkada", &["pemilihan kepala daerah"]),
    ("pemilu", &["pemilihan umum"]),
    ("kpu", &["komisi pemilihan umum"]),
    (
        "bawaslu",
        &["badan pengawas pemilu", "badan pengawas pemilihan umum"],
    ),
    ("hukuman disiplin", &["sanksi disiplin"]),
];

/// One-way entries: the key (with its synonyms) also finds these narrower terms.
const DEFAULT_INCLUDES: &[(&str, &[&str])] = &[
    ("kepala daerah", &["bupati", "wali kota", "gubernur"]),
    ("wakil kepala daerah", &["wabup", "wawali", "wagub"]),
    ("pemda", &["pemkab", "pemkot", "pemprov"]),
    ("kepolisian", &["polri", "polda", "polres", "polsek"]),
    ("sanksi", &["hukuman disiplin"]),
];

/// The built-in topics: named keyword sets highlighted in the detail pane and usable as
/// `topic:NAME`.
const DEFAULT_TOPICS: &[(&str, &[&str])] = &[
    (
        "disiplin",
        &[
            "sanksi",
            "teguran",
            "kode etik",
            "inspektorat",
            "bkpsdm",
            "hukuman disiplin",
            "pecat",
        ],
    ),
    (
        "viral",
        &["viral", "medsos", "warganet", "trending", "live"],
    ),
    (
        "korupsi",
        &[
            "korupsi",
            "kpk",
            "suap",
            "gratifikasi",
            "pungli",
            "pungutan liar",
        ],
    ),
];

pub(super) fn entries() -> BTreeMap<String, Synonyms> {
    let mut entries: BTreeMap<String, Synonyms> = BTreeMap::new();
    for (key, same) in DEFAULT_SYNONYMS {
        entries
            .entry(key.to_string())
            .or_insert_with(|| Synonyms {
                same: Vec::new(),
                includes: Vec::new(),
            })
            .same = same.iter().map(|s| s.to_string()).collect();
    }
    for (key, includes) in DEFAULT_INCLUDES {
        entries
            .entry(key.to_string())
            .or_insert_with(|| Synonyms {
                same: Vec::new(),
                includes: Vec::new(),
            })
            .includes = includes.iter().map(|s| s.to_string()).collect();
    }
    entries
}

pub(super) fn topics() -> BTreeMap<String, Vec<String>> {
    DEFAULT_TOPICS
        .iter()
        .map(|(name, words)| {
            (
                name.to_string(),
                words.iter().map(|w| w.to_string()).collect(),
            )
        })
        .collect()
}
