//! Word tables of the line classifier: exact furniture lines, furniture openings, media
//! credit marks and headline words.

use crate::model::RemovedKind;

/// Exact (case-insensitive, trailing `:` ignored) furniture lines.
pub(super) const EXACT: &[(&str, RemovedKind)] = &[
    ("rekomendasi untuk anda", RemovedKind::Related),
    ("berita terkini", RemovedKind::Related),
    ("bagikan ke teman", RemovedKind::Prompt),
    ("foto hanya ilustrasi", RemovedKind::Caption),
    ("foto ilustrasi", RemovedKind::Caption),
    // A picture's label alone (`Ilustrasi` over the lede, twice where the page repeats it).
    ("ilustrasi", RemovedKind::Caption),
    // A site's logo's alternative text alone over the headline.
    ("logo", RemovedKind::Caption),
    ("link sumber", RemovedKind::Credit),
    ("komentar via facebook", RemovedKind::Footer),
    ("berita lainnya", RemovedKind::Related),
    ("berita lain", RemovedKind::Related),
    ("berita terkait", RemovedKind::Related),
    ("berita populer", RemovedKind::Related),
    ("terpopuler", RemovedKind::Related),
    ("populer", RemovedKind::Related),
    ("paling populer", RemovedKind::Related),
    ("terkini", RemovedKind::Related),
    ("berita terbaru", RemovedKind::Related),
    ("artikel terbaru", RemovedKind::Related),
    ("latest update", RemovedKind::Related),
    // A ticker of other stories' headlines over the page.
    ("breaking news", RemovedKind::Related),
    ("most popular", RemovedKind::Related),
    ("index", RemovedKind::Footer),
    ("indeks", RemovedKind::Footer),
    ("indeks berita", RemovedKind::Footer),
    ("post a comment", RemovedKind::Footer),
    ("advertisement", RemovedKind::Prompt),
    ("iklan", RemovedKind::Prompt),
    ("scroll to continue with content", RemovedKind::Prompt),
    ("scroll to resume content", RemovedKind::Prompt),
    ("aa", RemovedKind::Footer),
    ("sumber", RemovedKind::Credit),
    ("redaksi", RemovedKind::Credit),
    ("tags", RemovedKind::Footer),
    ("tag", RemovedKind::Footer),
    ("topik", RemovedKind::Footer),
    ("share", RemovedKind::Prompt),
    ("bagikan", RemovedKind::Prompt),
    ("komentar", RemovedKind::Footer),
    ("ikuti kami di", RemovedKind::Prompt),
    ("ikuti kami", RemovedKind::Prompt),
    ("editor", RemovedKind::Credit),
    ("loading...", RemovedKind::Footer),
    ("oleh", RemovedKind::Credit),
    ("loading", RemovedKind::Footer),
    ("penulis", RemovedKind::Credit),
    ("lihat foto", RemovedKind::Prompt),
    ("lihat video", RemovedKind::Prompt),
    ("dengarkan artikel ini", RemovedKind::Prompt),
    ("dengarkan berita ini", RemovedKind::Prompt),
    // Labels of related-story widgets; the headlines under them are read by `related_runs`.
    ("artikel terkait", RemovedKind::Related),
    ("artikel lainnya", RemovedKind::Related),
    ("bacaan lainnya", RemovedKind::Related),
    ("baca lainnya", RemovedKind::Related),
    ("pos terkait", RemovedKind::Related),
    ("rekomendasi", RemovedKind::Related),
    ("berita pilihan", RemovedKind::Related),
    ("pilihan", RemovedKind::Related),
    ("pilihan editor", RemovedKind::Related),
    // A blog theme's widget of the blog's other posts ("Popular posts from this blog").
    ("postingan populer dari blog ini", RemovedKind::Related),
    ("postingan populer", RemovedKind::Related),
    ("postingan terbaru", RemovedKind::Related),
    ("popular posts from this blog", RemovedKind::Related),
    ("read previous post", RemovedKind::Related),
    ("read next post", RemovedKind::Related),
    // Blog-theme footers: tag box, comment form, pop-up buttons.
    ("kata kunci", RemovedKind::Footer),
    ("perlihatkan lebih", RemovedKind::Footer),
    ("tinggalkan balasan", RemovedKind::Footer),
    ("tinggalkan komentar", RemovedKind::Footer),
    ("leave a reply", RemovedKind::Footer),
    ("close", RemovedKind::Footer),
    ("pin it on pinterest", RemovedKind::Prompt),
    ("sebarkan artikel ini", RemovedKind::Prompt),
    ("bagikan artikel ini", RemovedKind::Prompt),
    ("bagikan berita ini", RemovedKind::Prompt),
    // Page widgets and labels a scraper keeps: a feed's buttons, an image viewer's, a blog's
    // category and post list, a section label, a release's heading.
    ("load more", RemovedKind::Prompt),
    ("continue reading", RemovedKind::Prompt),
    ("muat lebih banyak", RemovedKind::Prompt),
    ("more", RemovedKind::Prompt),
    ("close icon", RemovedKind::Prompt),
    ("icon caption", RemovedKind::Footer),
    // A blog theme's labels, buttons and placeholders.
    ("published", RemovedKind::Footer),
    ("on", RemovedKind::Footer),
    ("comments", RemovedKind::Footer),
    ("komentar anda", RemovedKind::Footer),
    ("kirim komentar", RemovedKind::Footer),
    ("komentar & reaksi", RemovedKind::Footer),
    ("no more posts available.", RemovedKind::Footer),
    ("no comments", RemovedKind::Footer),
    ("post bottom ad", RemovedKind::Prompt),
    ("post top ad", RemovedKind::Prompt),
    ("- advertisement -", RemovedKind::Prompt),
    // An icon font's names for a theme's buttons, kept as text.
    ("light_mode", RemovedKind::Footer),
    ("dark_mode", RemovedKind::Footer),
    ("no more pages to load", RemovedKind::Footer),
    ("avatar", RemovedKind::Footer),
    ("img_title", RemovedKind::Footer),
    ("blank", RemovedKind::Footer),
    ("x", RemovedKind::Prompt),
    ("share this", RemovedKind::Prompt),
    ("share this article", RemovedKind::Prompt),
    // A teaser's link left on a line of its own.
    ("read more", RemovedKind::Prompt),
    // A theme's link for screen readers.
    ("skip to content", RemovedKind::Prompt),
    ("press \"enter\" to skip to content", RemovedKind::Prompt),
    ("press enter to skip to content", RemovedKind::Prompt),
    ("shares", RemovedKind::Prompt),
    ("+ gabung", RemovedKind::Prompt),
    ("tetap terhubung dengan kami", RemovedKind::Prompt),
    ("your ads here", RemovedKind::Prompt),
    ("artikel rekomendasi", RemovedKind::Related),
    ("berita sebelumnya", RemovedKind::Related),
    ("berita selanjutnya", RemovedKind::Related),
    ("berita viral", RemovedKind::Related),
    ("(ilustrasi)", RemovedKind::Caption),
    ("icon featured", RemovedKind::Footer),
    // A share bar's answer to its copy button.
    ("url berhasil dicopy", RemovedKind::Prompt),
    ("url berhasil disalin", RemovedKind::Prompt),
    ("link berhasil dicopy", RemovedKind::Prompt),
    ("link berhasil disalin", RemovedKind::Prompt),
    ("tautan berhasil disalin", RemovedKind::Prompt),
    ("swipe", RemovedKind::Prompt),
    ("related posts", RemovedKind::Related),
    ("recent posts", RemovedKind::Related),
    // The same widgets in English themes.
    ("also read", RemovedKind::Related),
    ("read also", RemovedKind::Related),
    ("you may also like", RemovedKind::Related),
    ("you might also like", RemovedKind::Related),
    ("posting komentar", RemovedKind::Footer),
    ("discussion about this post", RemovedKind::Footer),
    ("published on", RemovedKind::Footer),
    ("tak berkategori", RemovedKind::Footer),
    ("uncategorized", RemovedKind::Footer),
    ("headline", RemovedKind::Footer),
    ("siaran pers", RemovedKind::Footer),
    // An image's placeholder word left where the picture was.
    ("photo", RemovedKind::Caption),
    ("foto", RemovedKind::Caption),
];

/// Openings (case-insensitive) of a blog theme's comment form, which follows the story: see
/// `story_end`.
pub(super) const COMMENT_FORM: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "tinggalkan balasan",
    "tinggalkan komentar",
    "posting komentar untuk",
    "you must be logged in to post a comment",
    "click to comment",
    "post a comment",
    "alamat email anda tidak akan dipublikasikan",
    "your email address will not be published",
];

/// A comment form's label alone on its line (`Berikan Komentar`, `Komentar Anda :`); the
/// same words open sentences too (`tulis komentar salah satu warganet`).
pub(super) const COMMENT_LABELS: &[&str] = &[
    "berikan komentar",
    "beri komentar",
    "kirim komentar",
    "tulis komentar",
    "komentar anda",
];

/// Line prefixes (case-insensitive) that mark furniture or captions.
pub(super) const PREFIXES: &[(&str, RemovedKind)] = &[
    // A comment box's disclaimer (`Komentar yang tampil sepenuhnya menjadi tanggung jawab …`).
    ("komentar yang tampil", RemovedKind::Footer),
    ("baca berita ", RemovedKind::Prompt),
    ("baca selengkapnya", RemovedKind::Related),
    ("simak breaking news", RemovedKind::Prompt),
    // A syndicated copy's pointer to the original (`Baca artikel detiknews, "Judul"
    // selengkapnya https://...`).
    ("baca artikel ", RemovedKind::Related),
    ("ikuti kami", RemovedKind::Prompt),
    ("ikuti dan bergabung", RemovedKind::Prompt),
    ("cek berita dan artikel", RemovedKind::Related),
    ("simak juga video", RemovedKind::Prompt),
    ("simak video", RemovedKind::Prompt),
    ("simak juga:", RemovedKind::Prompt),
    ("tonton juga video", RemovedKind::Prompt),
    ("saksikan live", RemovedKind::Prompt),
    ("saksikan video", RemovedKind::Prompt),
    ("[gambas", RemovedKind::Prompt),
    ("artikel ini telah tayang", RemovedKind::Credit),
    ("artikel ini sudah tayang", RemovedKind::Credit),
    ("artikel ini tayang di", RemovedKind::Credit),
    ("artikel ini sudah terbit", RemovedKind::Credit),
    ("artikel ini telah terbit", RemovedKind::Credit),
    ("artikel ini terbit di", RemovedKind::Credit),
    ("artikel ini telah diterbitkan", RemovedKind::Credit),
    ("foto:", RemovedKind::Caption),
    ("caption:", RemovedKind::Caption),
    ("keterangan foto", RemovedKind::Caption),
    ("foto :", RemovedKind::Caption),
    ("(foto:", RemovedKind::Caption),
    ("(foto :", RemovedKind::Caption),
    ("dok.", RemovedKind::Caption),
    ("dok:", RemovedKind::Caption),
    ("(dok.", RemovedKind::Caption),
    ("(dok ", RemovedKind::Caption),
    ("ilustrasi -", RemovedKind::Caption),
    ("ilustrasi:", RemovedKind::Caption),
    ("ilustrasi.", RemovedKind::Caption),
    ("ilustrasi –", RemovedKind::Caption),
    ("©", RemovedKind::Footer),
    ("(c) ", RemovedKind::Footer),
    ("copyright", RemovedKind::Footer),
    ("download aplikasi", RemovedKind::Prompt),
    ("dapatkan update berita", RemovedKind::Prompt),
    (
        "alamat email anda tidak akan dipublikasikan",
        RemovedKind::Footer,
    ),
    (
        "your email address will not be published",
        RemovedKind::Footer,
    ),
    ("read previous post", RemovedKind::Related),
    ("read next post", RemovedKind::Related),
    ("scroll ke atas", RemovedKind::Prompt),
    ("share and enjoy", RemovedKind::Prompt),
    ("artikel ini sudah terbit", RemovedKind::Credit),
    ("artikel ini telah terbit", RemovedKind::Credit),
    ("terverifikasi administratif", RemovedKind::Footer),
    ("terverifikasi faktual", RemovedKind::Footer),
    ("bagaimana tanggapan anda", RemovedKind::Prompt),
    ("tag:", RemovedKind::Footer),
    ("tags:", RemovedKind::Footer),
    ("keyword:", RemovedKind::Footer),
    ("keyword :", RemovedKind::Footer),
    ("keywords:", RemovedKind::Footer),
    ("[crosslink", RemovedKind::Related),
    // English themes' "read also" with the headline after its colon.
    ("you may also like:", RemovedKind::Related),
    ("you may also like :", RemovedKind::Related),
    ("you might also like:", RemovedKind::Related),
    ("you might also like :", RemovedKind::Related),
    ("you might be interested:", RemovedKind::Related),
    ("you might be interested :", RemovedKind::Related),
    ("also read:", RemovedKind::Related),
    ("read also:", RemovedKind::Related),
];

/// Openings (after any quote mark) of calls to watch, follow or open something.
pub(super) const PROMPT_OPENERS: &[&str] = &[
    "simak juga",
    "simak video",
    "tonton juga",
    "tonton video",
    "lihat juga video",
    "lihat video",
    "saksikan juga",
    "saksikan video",
    "saksikan live",
    "[gambas",
    "klik di sini",
    "video:",
    "video by:",
    "klik link",
    "klik tautan",
];

/// Caption openings that also open prose (`Tangkapan layar yang beredar menunjukkan …`):
/// a caption only when the line has a caption's shape.
pub(super) const WEAK_CAPTION_OPENERS: &[&str] =
    &["tangkapan layar", "kolase ", "ilustrasi ", "screenshot"];

/// Words of advertisement and scroll prompts, which some scrapes put on one line.
pub(super) const AD_WORDS: &[&str] = &[
    "advertisement",
    "scroll",
    "to",
    "continue",
    "resume",
    "with",
    "content",
    "iklan",
];

/// Words of pagination prompts (`Halaman selanjutnya`, `1 2 3 Next »`).
pub(super) const PAGE_WORDS: &[&str] = &[
    "halaman",
    "selanjutnya",
    "berikutnya",
    "sebelumnya",
    "next",
    "prev",
    "previous",
    "page",
    "of",
    "dari",
    "baca",
    "ke",
];

/// Marks of a photo or video source inside a trailing `( … )` credit.
pub(super) const MEDIA_MARKS: &[&str] = &[
    "foto",
    "dok",
    ".com",
    ".co",
    ".id",
    "detik",
    "antara",
    "instagram",
    "twitter",
    "istimewa",
    "youtube",
    "facebook",
    "tiktok",
    "reuters",
    "afp",
    "getty",
    "shutterstock",
    "screenshot",
    "tangkapan layar",
    "@",
    // News outlets' names in a photographer's credit (`(Tribun Jabar/Budi)`).
    "tribun",
    "kompas",
    "tempo",
    "kumparan",
    "liputan6",
    "cnn",
    "republika",
    "okezone",
    "sindo",
    "suara",
    "jpnn",
    "merdeka",
    "idn times",
    "viva",
    "beritasatu",
    "bisnis",
    "kontan",
    "pikiran rakyat",
    "radar",
    "jawa pos",
    "jawapos",
];

/// Phrases that mark a short line as furniture wherever they occur in it.
pub(super) const CONTAINS: &[(&str, RemovedKind)] = &[
    // A site's greeting in its footer (`PT … Media Group, Mengucapkan: Selamat datang di
    // www.…`).
    ("selamat datang di www", RemovedKind::Footer),
    ("google news", RemovedKind::Prompt),
    ("all right reserved", RemovedKind::Footer),
    ("all rights reserved", RemovedKind::Footer),
];
/// Marks that open a bulleted list item.
pub(super) const BULLETS: &[char] = &[
    '\u{2022}', '\u{b7}', '\u{25aa}', '\u{25ba}', '-', '*', '\u{2013}', '\u{bb}',
];

/// Lower-case words a headline leaves in lower case.
pub(super) const HEADLINE_SMALL_WORDS: &[&str] = &[
    "di", "ke", "dari", "dan", "yang", "untuk", "dengan", "pada", "ini", "itu", "soal", "jadi",
    "bagi", "atau", "vs", "usai", "jelang", "akan", "ada", "bisa", "tak", "juga", "hingga",
    "sampai", "saat", "agar", "buat", "oleh", "ala", "the", "of", "in", "and",
];

/// Words that carry a sentence on from the one before it.
pub(super) const CONNECTIVES: &[&str] = &[
    "sementara",
    "namun",
    "selain",
    "adapun",
    "kemudian",
    "sedangkan",
    "bahkan",
    "sebelumnya",
    "selanjutnya",
    "akhirnya",
    "lalu",
    "padahal",
    "meski",
    "meskipun",
    "setelah",
    "karena",
];

/// Words of the hour a caption may give after its day (`tengah malam jelang dini hari`).
pub(super) const TIME_OF_DAY: &[&str] = &[
    "pagi",
    "siang",
    "sore",
    "petang",
    "malam",
    "tengah",
    "dini",
    "hari",
    "jelang",
    "menjelang",
    "subuh",
];
