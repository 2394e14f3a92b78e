-- A guest's return code: with their name it gets them back into the class from another browser (a fresh cookie
-- token). return_code_hash is a BCrypt hash (the code is short, so it gets a slow salted hash, unlike the 256-bit
-- token); return_code_sealed is the code encrypted under the guest's current cookie token (AES-GCM), so only the
-- browser holding that cookie can show it again. token_hash may now be null: the cookie was revoked (the teacher
-- gave the guest a new return code) and no browser is in until the guest returns with the code.
alter table class_guest add column return_code_hash varchar(100);
alter table class_guest add column return_code_sealed varchar(200);
alter table class_guest alter column token_hash drop not null;
