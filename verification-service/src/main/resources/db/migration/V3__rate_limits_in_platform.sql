-- Send limits now count in the platform's rate_limit_event (V0_5), decided under a key lock.
DROP TABLE code_send;
