package cn.lantu.ingest;

/**
 * The sentence a prose target or baseline fact is quoted from, with the year it looks ahead to.
 *
 * @param text        the sentence, stripped
 * @param sourceStart offset of the sentence in the input text
 * @param sourceEnd   end offset of the sentence in the input text
 * @param year        year named for the whole sentence (到2030年, “十五五”末), or null
 * @param outlineKey  key of the outline node the sentence belongs to
 */
record ProseSentence(String text, int sourceStart, int sourceEnd, Integer year, String outlineKey) {
}
