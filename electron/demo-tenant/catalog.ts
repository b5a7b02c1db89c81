/** Name, model and carrier catalogues for the generator (French and English, accents on purpose). */

export const FRENCH_FIRST = [
  'Hélène',
  'François',
  'Zoé',
  'Chloé',
  'Noémie',
  'Jérôme',
  'Benoît',
  'Cédric',
  'Léa',
  'Gaëlle',
  'Maëlys',
  'Anaïs',
  'Joël',
  'Loïc',
  'Céline',
  'Amélie',
  'Éric',
  'Étienne',
  'Françoise',
  'Agnès',
  'Inès',
  'Raphaël',
  'Théo',
  'Clément',
  'Léo',
  'Mathéo',
  'Ophélie',
  'Valérie',
  'Hugo',
  'Camille',
  'Lucas',
  'Manon',
  'Sophie',
  'Nicolas',
  'Julien',
  'Émilie',
  'Aurélien',
  'Bérénice',
  'Sébastien',
  'Margaux',
  'Thérèse',
  'Renée',
  'Noël',
  'Élise',
  'Anthony',
  'Pauline',
  'Maxime',
  'Océane',
  'Yannick',
  'Solène',
] as const

export const FRENCH_LAST = [
  'Durand',
  'Lefèvre',
  'Dubois',
  'Martin',
  'Bernard',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Garcia',
  'Roux',
  'Fournier',
  'Girard',
  'Bonnet',
  'Mercier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Perrin',
  'Morin',
  'Mathieu',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Roche',
  'Noël',
  'Meyer',
  'Meunier',
  'Pérez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Brunet',
  'Rivière',
  'Côté',
  'Bélanger',
  'Gagné',
  'Bouchard',
  'Lévesque',
  "D'Almeida",
  'Le Goff',
  'Hérault',
  'Cloarec',
  'Béranger',
] as const

export const ENGLISH_FIRST = [
  'Oliver',
  'Emily',
  'James',
  'Charlotte',
  'Amelia',
  'Harry',
  'Jack',
  'George',
  'Sophia',
  'Isabella',
  'Liam',
  'Noah',
  'Olivia',
  'Ava',
  'Ethan',
  'Grace',
  'Thomas',
  'Lucy',
  'Daniel',
  'Hannah',
  'Megan',
  'Ryan',
  'Chloe',
  'Samuel',
  'Jessica',
  'William',
  'Ella',
  'Joshua',
  'Freya',
  'Alfie',
] as const

export const ENGLISH_LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  "O'Brien",
  'Murphy',
  'Kelly',
  'Patel',
  'Khan',
  'Hughes',
  'Edwards',
  'Turner',
  'Cooper',
  'Baker',
] as const

export const CITIES = [
  'PAR',
  'LYO',
  'MRS',
  'TLS',
  'NTE',
  'BDX',
  'LIL',
  'LDN',
  'MAN',
  'MTL',
  'BRU',
  'GVA',
] as const

export const DEPARTMENTS = [
  'Ventes',
  'Logistique',
  'Finance',
  'RH',
  'Support',
  'Field Sales',
  'Warehouse',
] as const

export const CARRIERS_FR = ['Orange F', 'SFR', 'Bouygues Telecom', 'Free Mobile'] as const
export const CARRIERS_EN = ['EE', 'Vodafone UK', 'O2 - UK', 'Three'] as const

export interface ModelSpec {
  readonly manufacturer: string
  readonly model: string
  /** Type allocation code: the IMEI's first 8 digits (0 = device has no cellular modem). */
  readonly tac: string
  readonly serialPrefix: string
  readonly serialLength: number
}

const m = (
  manufacturer: string,
  model: string,
  tac: string,
  serialPrefix: string,
  serialLength: number,
): ModelSpec => ({
  manufacturer,
  model,
  tac,
  serialPrefix,
  serialLength,
})

export const IPHONES = [
  m('Apple', 'iPhone 13', '35390811', 'F', 12),
  m('Apple', 'iPhone 14', '35691592', 'G', 12),
  m('Apple', 'iPhone 14 Pro', '35209731', 'H', 12),
  m('Apple', 'iPhone 15', '35866234', 'K', 12),
  m('Apple', 'iPhone 15 Pro Max', '35187042', 'M', 12),
  m('Apple', 'iPhone SE (3rd generation)', '35324874', 'D', 12),
  m('Apple', 'iPhone 16', '35012657', 'J', 12),
] as const

export const IPADS = [
  m('Apple', 'iPad (9th generation)', '', 'DMP', 12),
  m('Apple', 'iPad Air (5th generation)', '35843912', 'GG', 12),
  m('Apple', 'iPad Pro (11-inch) (4th generation)', '', 'HX', 12),
] as const

export const ANDROID_PHONES = [
  m('samsung', 'SM-G991B', '35162911', 'R58R', 11),
  m('samsung', 'SM-A536B', '35068318', 'R58T', 11),
  m('samsung', 'SM-S911B', '35286374', 'R5CW', 11),
  m('samsung', 'SM-G525F', '35458612', 'R58N', 11),
  m('Google', 'Pixel 7', '35309672', '2B1', 14),
  m('Google', 'Pixel 8a', '35775417', '3A2', 14),
  m('motorola', 'moto g54 5G', '35903218', 'ZY22', 10),
  m('Xiaomi', 'Redmi Note 12', '86290105', 'XM', 12),
] as const

export const ANDROID_OLD_PHONES = [
  m('samsung', 'SM-J500FN', '35707806', 'RF8H', 11),
  m('LGE', 'LG-H815', '35614107', '508K', 12),
  m('HUAWEI', 'VNS-L31', '86384503', 'HWV', 12),
  m('samsung', 'SM-G930F', '35791107', 'RF8J', 11),
] as const

export const RUGGED = [
  m('Zebra Technologies', 'TC52', '35296311', '2020', 14),
  m('Zebra Technologies', 'TC57', '35601813', '2110', 14),
  m('Honeywell', 'CT40', '35373211', '20', 11),
  m('samsung', 'SM-T505', '', 'R52R', 11),
] as const

export const AOSP_DEVICES = [
  m('Oculus', 'Quest 3', '', '2G0Y', 14),
  m('RealWear', 'HMT-1', '', '0450', 12),
  m('Zebra Technologies', 'WS50', '', '2231', 14),
] as const

export const WINDOWS_PCS = [
  m('Dell Inc.', 'Latitude 5440', '', '', 7),
  m('LENOVO', '21HD003MFR', '', 'PF4', 8),
  m('HP', 'HP EliteBook 840 14 inch G10 Notebook PC', '', '5CG', 10),
  m('Microsoft Corporation', 'Surface Laptop 5', '', '0F', 12),
  m('Dell Inc.', 'OptiPlex 7010', '', '', 7),
] as const

export const MACS = [
  m('Apple', 'MacBook Pro (14-inch, 2023)', '', 'C02', 12),
  m('Apple', 'MacBook Air (M2, 2022)', '', 'FVFH', 12),
  m('Apple', 'iMac (24-inch, M3, 2023)', '', 'H', 12),
] as const

export const LINUX_PCS = [
  m('Dell Inc.', 'Precision 5680', '', '', 7),
  m('LENOVO', '21HK000BFR', '', 'PF5', 8),
] as const

/** visionOS releases (Apple Vision Pro); ClearPasscode needs 1.1+ (apple/device-management passcode.clear.yaml). */
export const VISIONOS_VERSIONS = ['1.0.3', '1.3', '2.2', '2.4'] as const
export const IOS_VERSIONS = ['16.7.10', '17.5.1', '17.6.1', '18.0.1', '18.1', '18.2.1', '18.3'] as const
export const MACOS_VERSIONS = ['13.6.9 (22G830)', '14.6.1 (23G93)', '14.7 (23H124)', '15.1 (24B83)'] as const
export const WINDOWS_VERSIONS = [
  '10.0.19045.4894',
  '10.0.22631.4037',
  '10.0.22631.4317',
  '10.0.26100.2033',
] as const
export const LINUX_VERSIONS = ['22.04', '24.04'] as const

/** Android versions as Intune reports them ("8.1.0" before 9, bare majors after). */
export const ANDROID_LEGACY = ['5.1.1', '6.0', '6.0.1'] as const
export const ANDROID_7 = ['7.0', '7.1.1', '7.1.2'] as const
export const ANDROID_8_PLUS = ['8.0.0', '8.1.0', '9', '10', '11', '12', '13', '14', '15'] as const
export const ANDROID_RECENT = ['11', '12', '13', '14', '15'] as const
