// Stage module; see README.
