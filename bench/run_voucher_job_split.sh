#!/bin/bash
# guotu voucher on the sandiao250 county (100 villages, 2 x 62k parcels, CZCSXM mask, fixed price):
# the tool before and after the accounting moved into the I/O library (guotu_voucher_job_run).
# Zone table: bench/results/voucher_job_split_zones.csv (GDP and population made up per village).
# $1 binary, $2 libdir, $3 output
LD_LIBRARY_PATH=$2 /usr/bin/time -f "%e s wall %U s user %M kB" $1 voucher --zones "${GUOTU_BENCH_DATA:-build/bench-data}"/sandiao250/villages.gpkg --zone-id code --zone-table "$(dirname "$0")"/results/voucher_job_split_zones.csv --gdp-field gdp --pop-field pop --base "${GUOTU_BENCH_DATA:-build/bench-data}"/sandiao250/landuse_2010.gpkg --target "${GUOTU_BENCH_DATA:-build/bench-data}"/sandiao250/landuse_2020.gpkg --base-class-field DLBM --target-class-field DLBM --base-system SANDIAO_WORK --target-system SANDIAO_WORK --mask-czcsxm 201,202 --price 1000 --threads 1 -o $3
