/** The twin file format this build writes. Files with a higher number are refused ("made by a newer version"). */
export const FORMAT_VERSION = 3;
