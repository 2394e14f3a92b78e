-- Which engine runs a sweep: 'local' (the server's worker threads) or 'spark <master URL>' (a child JVM on
-- hopfield-spark.jar); a RUNNING Spark sweep is resumed on Spark after a restart.
alter table sweep add column engine varchar(300) default 'local' not null;
