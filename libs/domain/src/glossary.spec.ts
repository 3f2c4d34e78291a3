import { GLOSSARY, asciiFold, fromSwedish, toSwedish } from './glossary';

describe('glossary', () => {
  it('maps code words to Swedish and back', () => {
    expect(toSwedish('namnd')).toBe('nämnd');
    expect(toSwedish('forvaltning')).toBe('förvaltning');
    expect(toSwedish('arshjul')).toBe('årshjul');
    expect(toSwedish('unknown-word')).toBe('unknown-word');
    expect(fromSwedish('Nämnd')).toBe('namnd');
    expect(fromSwedish(' årshjul ')).toBe('arshjul');
    expect(fromSwedish('okänt')).toBeUndefined();
  });

  it('has one entry per code word and per Swedish word', () => {
    const codes = GLOSSARY.map((entry) => entry.code);
    const words = GLOSSARY.map((entry) => entry.sv);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(words).size).toBe(words.length);
  });

  it('forms code words by ASCII folding, consistently with the table', () => {
    expect(asciiFold('Förvaltning')).toBe('forvaltning');
    expect(asciiFold('Årshjul')).toBe('arshjul');
    for (const entry of GLOSSARY) expect(entry.code).toMatch(/^[a-z-]+$/);
  });
});
