-- Why each need of a plan is unplaced, as data (JSON of vfu-core's UnplacedFacts), so the app
-- can say it in the coordinator's language instead of showing `detail`, which is the plan
-- file's English sentence. NULL where no facts are known: plans imported from a file, plans
-- stored before this column, needs taken out by hand.
ALTER TABLE plan_unplaced ADD COLUMN facts TEXT;
