# The R side of bench/stats.ts: reads the benchmark's CSV files, fits the same models with the
# survival package, and writes the timings (seconds: wall and CPU) and the results as JSON.
# Usage (bench/stats.ts runs it): Rscript stats.R KM_CSV COX_CSV REPEATS OUT_JSON
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
km_csv <- args[[1]]
cox_csv <- args[[2]]
repeats <- as.integer(args[[3]])
out <- args[[4]]

# Elapsed (wall) and CPU (user + system) seconds of evaluating expr.
seconds <- function(expr) {
  t <- system.time(expr, gcFirst = TRUE)
  c(wall = t[["elapsed"]], cpu = t[["user.self"]] + t[["sys.self"]])
}
# Runs f `repeats` times; keeps the last result and every run's times.
timed <- function(f) {
  result <- NULL
  times <- vapply(seq_len(repeats), function(i) seconds(result <<- f()), c(wall = 0, cpu = 0))
  list(result = result, wall = times["wall", ], cpu = times["cpu", ])
}

read_km <- seconds(km <- read.csv(km_csv, colClasses = c("numeric", "integer", "character")))
survfit_run <- timed(function() survfit(Surv(time, status) ~ arm, data = km))
survdiff_run <- timed(function() survdiff(Surv(time, status) ~ arm, data = km))
read_cox <- seconds(cx <- read.csv(cox_csv, colClasses = rep("numeric", 7)))
coxph_run <- timed(function() coxph(Surv(time, status) ~ age + female + baseline_odi + opioid + duration, data = cx))

table <- summary(survfit_run$result)$table
medians <- lapply(rownames(table), function(strata) {
  list(name = sub("^arm=", "", strata), median = table[strata, "median"], lower = table[strata, "0.95LCL"],
       upper = table[strata, "0.95UCL"])
})
fit <- coxph_run$result

# A minimal JSON writer with full double precision; NA becomes null.
num <- function(x) if (is.na(x)) "null" else sprintf("%.17g", x)
arr <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ","), "]")
obj <- function(...) {
  items <- list(...)
  paste0("{", paste(sprintf('"%s":%s', names(items), unlist(items)), collapse = ","), "}")
}
json <- obj(
  r = sprintf('"%s"', R.version.string),
  survival = sprintf('"%s"', as.character(packageVersion("survival"))),
  wall = obj(readKm = num(read_km[["wall"]]), survfit = arr(survfit_run$wall), survdiff = arr(survdiff_run$wall),
             readCox = num(read_cox[["wall"]]), coxph = arr(coxph_run$wall)),
  cpu = obj(readKm = num(read_km[["cpu"]]), survfit = arr(survfit_run$cpu), survdiff = arr(survdiff_run$cpu),
            readCox = num(read_cox[["cpu"]]), coxph = arr(coxph_run$cpu)),
  km = obj(
    medians = paste0("[", paste(vapply(medians, function(m) {
      obj(name = sprintf('"%s"', m$name), median = num(m$median), lower = num(m$lower), upper = num(m$upper))
    }, ""), collapse = ","), "]"),
    chisq = num(survdiff_run$result$chisq), df = num(length(survdiff_run$result$n) - 1)
  ),
  cox = obj(names = paste0("[", paste(sprintf('"%s"', names(coef(fit))), collapse = ","), "]"),
            beta = arr(unname(coef(fit))), se = arr(unname(sqrt(diag(fit$var)))), iterations = num(fit$iter))
)
writeLines(json, out)
