def sz_lab(): raise NotImplementedError
