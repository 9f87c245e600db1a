package cn.lantu.assessment;

/**
 * A piece of explanation not yet put into words: the rules decide what is said, a {@link Phrasebook} says it in one
 * language. The engine renders each phrase once per language, so the rules run once.
 */
@FunctionalInterface
interface Phrase {

    String in(Phrasebook b);
}
