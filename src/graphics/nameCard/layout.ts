/** Name card geometry in design pixels, relative to the bottom-left of the lowerThird region. */
export const nameCardLayout = {
  inset: 16,
  accentWidth: 12,
  nameHeight: 84,
  quoteLineHeight: 44,
  roleHeight: 50,
  paddingX: 28,
  minWidth: 520,
  maxWidth: 1280,
  nameSize: 56,
  nameMinSize: 36,
  quoteSize: 36,
  quoteMinSize: 26,
  roleSize: 30,
  roleMinSize: 22,
  slide: 24,
};
