-- 0005: where an event's date came from when not from its text or publication date: 'run' for
-- an undated event (an article without a publication date whose text names no year for it;
-- event_date is then the day it was processed, time_precision 3). '' otherwise, as all events
-- stored before this.
ALTER TABLE events ADD COLUMN date_basis TEXT NOT NULL DEFAULT '';
