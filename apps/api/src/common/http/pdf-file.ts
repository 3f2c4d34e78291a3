import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/**
 * A PDF answered inline as `filename`, with its SHA-256 in X-Content-SHA256 (the checksum the
 * audit entry of a frozen PDF names), for the signed-in document view and the public site alike.
 */
export function pdfFile(
  res: Response,
  pdf: { content: Buffer; sha256: string },
  filename: string,
): StreamableFile {
  res.setHeader('X-Content-SHA256', pdf.sha256);
  return new StreamableFile(pdf.content, {
    type: 'application/pdf',
    disposition: `inline; filename="${filename}"`,
    length: pdf.content.length,
  });
}
