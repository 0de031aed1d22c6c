-- The end of validity whose coming expiry was told to the label's holders (label.notices.v1): told once per validity.
alter table label add column expiry_noticed_for date;
