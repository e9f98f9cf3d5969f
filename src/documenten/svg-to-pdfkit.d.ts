declare module 'svg-to-pdfkit' {
  /** Draws an SVG string onto a pdfkit document at (x, y). */
  export default function SVGtoPDF(
    doc: unknown,
    svg: string,
    x: number,
    y: number,
    options?: {
      width?: number;
      height?: number;
      fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    },
  ): void;
}
