//! The throwaway PostgreSQL cluster the team tests run against (tests/common/pg.rs).

use crate::common::pg::Pg;

#[test]
fn a_throwaway_cluster_starts_answers_and_survives_a_hard_stop() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("harness");
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    c.batch_execute("CREATE TABLE t (x int); INSERT INTO t VALUES (1)")
        .unwrap();
    drop(c);
    pg.stop_immediate();
    assert!(
        postgres::Client::connect(&url, postgres::NoTls).is_err(),
        "a stopped server must refuse connections"
    );
    pg.start_server();
    let mut c = pg.client("harness");
    let n: i64 = c.query_one("SELECT count(*) FROM t", &[]).unwrap().get(0);
    assert_eq!(n, 1, "a committed row survives an immediate stop");
}
