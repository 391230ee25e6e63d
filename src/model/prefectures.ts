// The 47 prefectures of Japan in JIS X 0401 order, with their names in every language clair publishes in.
// Data files name a prefecture in Japanese only (宮城県); editions in other languages take the name from here, so
// a translation is written once and cannot differ between offices or sections.
import type { LanguageTag } from '../schema/common.js';

export interface Prefecture {
  /** JIS X 0401 code, 1 (北海道) to 47 (沖縄県). */
  code: number;
  ja: string;
  ko: string;
  en: string;
  'zh-Hans': string;
  fr: string;
}

const row = (code: number, ja: string, ko: string, en: string, zh: string, fr: string): Prefecture => ({
  code, ja, ko, en, 'zh-Hans': zh, fr,
});

// English without macrons (as the prefectures spell themselves in English); French with them, as French
// references do (Hokkaidō, Tōkyō).
export const PREFECTURES: readonly Prefecture[] = Object.freeze([
  row(1, '北海道', '홋카이도', 'Hokkaido', '北海道', 'Hokkaidō'),
  row(2, '青森県', '아오모리현', 'Aomori', '青森县', 'Aomori'),
  row(3, '岩手県', '이와테현', 'Iwate', '岩手县', 'Iwate'),
  row(4, '宮城県', '미야기현', 'Miyagi', '宫城县', 'Miyagi'),
  row(5, '秋田県', '아키타현', 'Akita', '秋田县', 'Akita'),
  row(6, '山形県', '야마가타현', 'Yamagata', '山形县', 'Yamagata'),
  row(7, '福島県', '후쿠시마현', 'Fukushima', '福岛县', 'Fukushima'),
  row(8, '茨城県', '이바라키현', 'Ibaraki', '茨城县', 'Ibaraki'),
  row(9, '栃木県', '도치기현', 'Tochigi', '栃木县', 'Tochigi'),
  row(10, '群馬県', '군마현', 'Gunma', '群马县', 'Gunma'),
  row(11, '埼玉県', '사이타마현', 'Saitama', '埼玉县', 'Saitama'),
  row(12, '千葉県', '지바현', 'Chiba', '千叶县', 'Chiba'),
  row(13, '東京都', '도쿄도', 'Tokyo', '东京都', 'Tōkyō'),
  row(14, '神奈川県', '가나가와현', 'Kanagawa', '神奈川县', 'Kanagawa'),
  row(15, '新潟県', '니가타현', 'Niigata', '新潟县', 'Niigata'),
  row(16, '富山県', '도야마현', 'Toyama', '富山县', 'Toyama'),
  row(17, '石川県', '이시카와현', 'Ishikawa', '石川县', 'Ishikawa'),
  row(18, '福井県', '후쿠이현', 'Fukui', '福井县', 'Fukui'),
  row(19, '山梨県', '야마나시현', 'Yamanashi', '山梨县', 'Yamanashi'),
  row(20, '長野県', '나가노현', 'Nagano', '长野县', 'Nagano'),
  row(21, '岐阜県', '기후현', 'Gifu', '岐阜县', 'Gifu'),
  row(22, '静岡県', '시즈오카현', 'Shizuoka', '静冈县', 'Shizuoka'),
  row(23, '愛知県', '아이치현', 'Aichi', '爱知县', 'Aichi'),
  row(24, '三重県', '미에현', 'Mie', '三重县', 'Mie'),
  row(25, '滋賀県', '시가현', 'Shiga', '滋贺县', 'Shiga'),
  row(26, '京都府', '교토부', 'Kyoto', '京都府', 'Kyōto'),
  row(27, '大阪府', '오사카부', 'Osaka', '大阪府', 'Ōsaka'),
  row(28, '兵庫県', '효고현', 'Hyogo', '兵库县', 'Hyōgo'),
  row(29, '奈良県', '나라현', 'Nara', '奈良县', 'Nara'),
  row(30, '和歌山県', '와카야마현', 'Wakayama', '和歌山县', 'Wakayama'),
  row(31, '鳥取県', '돗토리현', 'Tottori', '鸟取县', 'Tottori'),
  row(32, '島根県', '시마네현', 'Shimane', '岛根县', 'Shimane'),
  row(33, '岡山県', '오카야마현', 'Okayama', '冈山县', 'Okayama'),
  row(34, '広島県', '히로시마현', 'Hiroshima', '广岛县', 'Hiroshima'),
  row(35, '山口県', '야마구치현', 'Yamaguchi', '山口县', 'Yamaguchi'),
  row(36, '徳島県', '도쿠시마현', 'Tokushima', '德岛县', 'Tokushima'),
  row(37, '香川県', '가가와현', 'Kagawa', '香川县', 'Kagawa'),
  row(38, '愛媛県', '에히메현', 'Ehime', '爱媛县', 'Ehime'),
  row(39, '高知県', '고치현', 'Kochi', '高知县', 'Kōchi'),
  row(40, '福岡県', '후쿠오카현', 'Fukuoka', '福冈县', 'Fukuoka'),
  row(41, '佐賀県', '사가현', 'Saga', '佐贺县', 'Saga'),
  row(42, '長崎県', '나가사키현', 'Nagasaki', '长崎县', 'Nagasaki'),
  row(43, '熊本県', '구마모토현', 'Kumamoto', '熊本县', 'Kumamoto'),
  row(44, '大分県', '오이타현', 'Oita', '大分县', 'Ōita'),
  row(45, '宮崎県', '미야자키현', 'Miyazaki', '宫崎县', 'Miyazaki'),
  row(46, '鹿児島県', '가고시마현', 'Kagoshima', '鹿儿岛县', 'Kagoshima'),
  row(47, '沖縄県', '오키나와현', 'Okinawa', '冲绳县', 'Okinawa'),
]);

const byJapaneseName = new Map(PREFECTURES.map((prefecture) => [prefecture.ja, prefecture]));

/** The prefecture with this Japanese name (宮城県), or undefined if there is none. */
export function prefectureByName(ja: string): Prefecture | undefined {
  return byJapaneseName.get(ja);
}

/**
 * The name of a prefecture, given in Japanese, in one language: prefectureName('宮城県', 'ko') is 미야기현.
 * Undefined for a name that is not a prefecture; validation reports such data, and a renderer that meets one
 * anyway can fall back to the name as written.
 */
export function prefectureName(ja: string, lang: LanguageTag): string | undefined {
  const prefecture = byJapaneseName.get(ja) as Record<string, string | number> | undefined;
  const name = prefecture?.[lang];
  return typeof name === 'string' ? name : undefined;
}
