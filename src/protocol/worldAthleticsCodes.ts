/**
 * World Athletics (and IOC) three-letter country codes that are not the country's ISO 3166-1 alpha-3 code, with the
 * country's ISO alpha-2 code (for its flag and English name). Timing systems and start lists give these ("GER",
 * "NED", "RSA"); every other World Athletics code is the ISO alpha-3 code itself ("KEN", "ETH", "USA").
 *
 * One of them is also another country's ISO alpha-3 code: BRN is Bahrain here (as World Athletics reads it) though
 * ISO gives it to Brunei, whose World Athletics code is BRU; Brunei's ISO code is not accepted as Brunei.
 */
export const worldAthleticsCodes: Readonly<Record<string, string>> = {
  ALG: 'DZ', // Algeria
  ANG: 'AO', // Angola
  ANT: 'AG', // Antigua and Barbuda
  ARU: 'AW', // Aruba
  ASA: 'AS', // American Samoa
  BAH: 'BS', // Bahamas
  BAN: 'BD', // Bangladesh
  BAR: 'BB', // Barbados
  BER: 'BM', // Bermuda
  BHU: 'BT', // Bhutan
  BIZ: 'BZ', // Belize
  BOT: 'BW', // Botswana
  BRN: 'BH', // Bahrain (ISO alpha-3 BRN is Brunei)
  BRU: 'BN', // Brunei Darussalam
  BUL: 'BG', // Bulgaria
  BUR: 'BF', // Burkina Faso
  CAM: 'KH', // Cambodia
  CAY: 'KY', // Cayman Islands
  CGO: 'CG', // Congo
  CHA: 'TD', // Chad
  CHI: 'CL', // Chile
  CRC: 'CR', // Costa Rica
  CRO: 'HR', // Croatia
  DEN: 'DK', // Denmark
  ESA: 'SV', // El Salvador
  FIJ: 'FJ', // Fiji
  GAM: 'GM', // Gambia
  GBS: 'GW', // Guinea-Bissau
  GEQ: 'GQ', // Equatorial Guinea
  GER: 'DE', // Germany
  GRE: 'GR', // Greece
  GRN: 'GD', // Grenada
  GUA: 'GT', // Guatemala
  GUI: 'GN', // Guinea
  HAI: 'HT', // Haiti
  HON: 'HN', // Honduras
  INA: 'ID', // Indonesia
  IRI: 'IR', // Iran
  ISV: 'VI', // US Virgin Islands
  IVB: 'VG', // British Virgin Islands
  KOS: 'XK', // Kosovo
  KSA: 'SA', // Saudi Arabia
  KUW: 'KW', // Kuwait
  LAT: 'LV', // Latvia
  LBA: 'LY', // Libya
  LES: 'LS', // Lesotho
  MAD: 'MG', // Madagascar
  MAS: 'MY', // Malaysia
  MAW: 'MW', // Malawi
  MGL: 'MN', // Mongolia
  MNT: 'MS', // Montserrat
  MON: 'MC', // Monaco
  MRI: 'MU', // Mauritius
  MTN: 'MR', // Mauritania
  MYA: 'MM', // Myanmar
  NCA: 'NI', // Nicaragua
  NED: 'NL', // Netherlands
  NEP: 'NP', // Nepal
  NFI: 'NF', // Norfolk Island
  NGR: 'NG', // Nigeria
  NIG: 'NE', // Niger
  NMI: 'MP', // Northern Mariana Islands
  OMA: 'OM', // Oman
  PAR: 'PY', // Paraguay
  PHI: 'PH', // Philippines
  PLE: 'PS', // Palestine
  POR: 'PT', // Portugal
  PUR: 'PR', // Puerto Rico
  RSA: 'ZA', // South Africa
  SAM: 'WS', // Samoa
  SEY: 'SC', // Seychelles
  SKN: 'KN', // Saint Kitts and Nevis
  SLO: 'SI', // Slovenia
  SOL: 'SB', // Solomon Islands
  SRI: 'LK', // Sri Lanka
  SUD: 'SD', // Sudan
  SUI: 'CH', // Switzerland
  TAN: 'TZ', // Tanzania
  TGA: 'TO', // Tonga
  TKS: 'TC', // Turks and Caicos Islands
  TOG: 'TG', // Togo
  TPE: 'TW', // Chinese Taipei
  UAE: 'AE', // United Arab Emirates
  URU: 'UY', // Uruguay
  VAN: 'VU', // Vanuatu
  VIE: 'VN', // Vietnam
  VIN: 'VC', // Saint Vincent and the Grenadines
  ZAM: 'ZM', // Zambia
  ZIM: 'ZW', // Zimbabwe
};
