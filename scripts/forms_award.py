def sd_award_benchmark_unit(): raise NotImplementedError
def sd_award_scenario(): raise NotImplementedError
def sd_award_solution(): raise NotImplementedError
