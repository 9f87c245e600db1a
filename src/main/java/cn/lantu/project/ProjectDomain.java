package cn.lantu.project;

import java.math.BigDecimal;

/** One of the ten domains of 专栏8, with the planned count and investment (亿元) the outline gives. */
public record ProjectDomain(long id, long planId, String code, String name, int plannedCount,
                            BigDecimal totalInvestment, BigDecimal periodInvestment, String sourceQuote, int ordinal) {}
