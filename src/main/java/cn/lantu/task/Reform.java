package cn.lantu.task;

/**
 * A reform item of 专栏9, moving through 征集申报 → 评估立项 → 过程管理 → 成果转化; in 成果转化 it carries its outcome
 * (kind: a {@link ReformService.Outcome} name, and text).
 */
public record Reform(long id, long planId, String code, String domainCode, String domainName, String number,
                     String name, String body, String stage, String sourceQuote, int ordinal, String outcomeKind,
                     String outcomeText) {}
