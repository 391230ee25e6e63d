// What `clair init` may write into a new office's files without asking: facts about CLAIR itself and its seven
// overseas offices, as the shipped data and the seeds give them (the organisation's name, founding year, purpose
// and headquarters; each office's city, country and name). Everything else about an office is left for staff to
// fill in, marked with PLACEHOLDER values that `clair validate --strict` refuses until they are replaced.
import type { LanguageTag } from '../schema/constants.js';

type PerLanguage = Record<LanguageTag, string>;

/** Placeholders that satisfy the schema but are never true; the `placeholder` rule finds them. */
export const PLACEHOLDER = {
  /** Every placeholder text starts with this word. */
  textPrefix: 'TODO',
  phone: '+00 0000 0000',
  email: 'todo@example.org',
  /** A user-assigned ISO 3166 code, never a real country. */
  country: 'XX',
} as const;

export const ORGANISATION = {
  name: {
    ja: '一般財団法人自治体国際化協会', ko: '일반재단법인 자치체국제화협회', 'zh-Hans': '一般财团法人自治体国际化协会',
    en: 'Council of Local Authorities for International Relations', fr: 'Council of Local Authorities for International Relations',
  } as PerLanguage,
  englishName: 'Council of Local Authorities for International Relations',
  abbreviation: 'CLAIR',
  foundedYear: 1988,
  purpose: {
    ja: '日本の**地域の国際化を推進**するため、**地方自治体の共同組織**として',
    ko: '일본의 **지역 국제화를 추진**하기 위해 **지방자치단체의 공동 조직**으로서',
    'zh-Hans': '作为**日本地方政府的共同组织**，为**推进日本地方的国际化**',
    en: 'a **joint organisation of Japan’s local authorities**, to **promote the internationalisation of Japan’s regions**,',
    fr: '**Organisme commun des collectivités locales japonaises**, chargé de **promouvoir l’internationalisation des territoires**',
  } as PerLanguage,
  headquarters: { ja: '東京', ko: '도쿄', 'zh-Hans': '东京', en: 'Tokyo', fr: 'Tokyo' } as PerLanguage,
};

export interface KnownOffice {
  id: string;
  country: string;
  city: PerLanguage;
  countryName: PerLanguage;
}

/** CLAIR's overseas offices, in the order of the FY2021 business plan (seed 003). */
export const OVERSEAS_OFFICES: readonly KnownOffice[] = [
  { id: 'new-york', country: 'US', city: { ja: 'ニューヨーク', ko: '뉴욕', 'zh-Hans': '纽约', en: 'New York', fr: 'New York' }, countryName: { ja: 'アメリカ', ko: '미국', 'zh-Hans': '美国', en: 'the United States', fr: 'États-Unis' } },
  { id: 'london', country: 'GB', city: { ja: 'ロンドン', ko: '런던', 'zh-Hans': '伦敦', en: 'London', fr: 'Londres' }, countryName: { ja: 'イギリス', ko: '영국', 'zh-Hans': '英国', en: 'the United Kingdom', fr: 'Royaume-Uni' } },
  { id: 'paris', country: 'FR', city: { ja: 'パリ', ko: '파리', 'zh-Hans': '巴黎', en: 'Paris', fr: 'Paris' }, countryName: { ja: 'フランス', ko: '프랑스', 'zh-Hans': '法国', en: 'France', fr: 'France' } },
  { id: 'singapore', country: 'SG', city: { ja: 'シンガポール', ko: '싱가포르', 'zh-Hans': '新加坡', en: 'Singapore', fr: 'Singapour' }, countryName: { ja: 'シンガポール', ko: '싱가포르', 'zh-Hans': '新加坡', en: 'Singapore', fr: 'Singapour' } },
  { id: 'seoul', country: 'KR', city: { ja: 'ソウル', ko: '서울', 'zh-Hans': '首尔', en: 'Seoul', fr: 'Séoul' }, countryName: { ja: '韓国', ko: '한국', 'zh-Hans': '韩国', en: 'Korea', fr: 'Corée' } },
  { id: 'sydney', country: 'AU', city: { ja: 'シドニー', ko: '시드니', 'zh-Hans': '悉尼', en: 'Sydney', fr: 'Sydney' }, countryName: { ja: 'オーストラリア', ko: '호주', 'zh-Hans': '澳大利亚', en: 'Australia', fr: 'Australie' } },
  { id: 'beijing', country: 'CN', city: { ja: '北京', ko: '베이징', 'zh-Hans': '北京', en: 'Beijing', fr: 'Pékin' }, countryName: { ja: '中国', ko: '중국', 'zh-Hans': '中国', en: 'China', fr: 'Chine' } },
];
