package cn.lantu.planpackage;

import cn.lantu.support.LantuTest;

/** The persistence contract on the embedded H2 database (MODE=PostgreSQL), as the default set-up runs. */
@LantuTest
class H2PlanPersistenceTest extends PlanPersistenceContract {}
