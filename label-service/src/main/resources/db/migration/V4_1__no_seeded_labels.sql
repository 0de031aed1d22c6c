-- The seed no longer grants labels (the sources name no holder of the Sud IA label): its list of holders goes.
drop table seed_holder;
