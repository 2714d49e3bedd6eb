-- wrk script for bench/run: the reference's transaction route is a POST.
wrk.method = "POST"
