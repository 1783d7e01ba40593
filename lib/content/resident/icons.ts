/** The icons of the button: the OpenHands mark and an Octicon (16 px, MIT), as single SVG paths for `icon()`. */

/** The extension's logo mark (see public/icon.svg), drawn in `currentColor`. */
export const OPENHANDS_MARK = {
  path: 'M30 66 98 34 82 98 62 78 50 92 50 72Z',
  viewBox: '26 30 76 72',
};

export const TRIANGLE_DOWN =
  'm4.427 7.427 3.396 3.396a.25.25 0 0 0 .354 0l3.396-3.396A.25.25 0 0 0 11.396 7H4.604a.25.25 0 0 0-.177.427Z';
