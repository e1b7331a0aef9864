-- The SQLite functions the product's SQL uses, defined on the team database so the same SQL text runs
-- on both engines (desktop_crm/engine.py). Dates are ISO text on both engines ("YYYY-MM-DD",
-- "YYYY-MM-DD HH:MM:SS"). Every function returns NULL for NULL input, as SQLite's do.

CREATE OR REPLACE FUNCTION julianday(t text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT extract(epoch FROM t::timestamp)::double precision / 86400.0 + 2440587.5
$$;

CREATE OR REPLACE FUNCTION crm_apply_modifier(moment timestamp, modifier text) RETURNS timestamp
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  parts text[];
  amount double precision;
  unit text;
BEGIN
  IF moment IS NULL OR modifier IS NULL THEN
    RETURN NULL;
  END IF;
  modifier := lower(trim(modifier));
  IF modifier = 'start of month' THEN
    RETURN date_trunc('month', moment);
  ELSIF modifier = 'start of year' THEN
    RETURN date_trunc('year', moment);
  ELSIF modifier = 'start of day' THEN
    RETURN date_trunc('day', moment);
  END IF;
  parts := regexp_match(modifier, '^([+-]?[0-9]+(?:\.[0-9]+)?)\s+(day|days|hour|hours|minute|minutes|second|seconds|month|months|year|years)$');
  IF parts IS NULL THEN
    RETURN NULL;  -- SQLite: an unknown modifier gives NULL
  END IF;
  amount := parts[1]::double precision;
  unit := rtrim(parts[2], 's');
  RETURN moment + make_interval(
    years => CASE WHEN unit = 'year' THEN amount::int ELSE 0 END,
    months => CASE WHEN unit = 'month' THEN amount::int ELSE 0 END,
    days => CASE WHEN unit = 'day' THEN amount::int ELSE 0 END,
    hours => CASE WHEN unit = 'hour' THEN amount::int ELSE 0 END,
    mins => CASE WHEN unit = 'minute' THEN amount::int ELSE 0 END,
    secs => CASE WHEN unit = 'second' THEN amount ELSE 0 END);
END
$$;

CREATE OR REPLACE FUNCTION date(t text, VARIADIC modifiers text[] DEFAULT '{}') RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  moment timestamp;
  modifier text;
BEGIN
  IF t IS NULL THEN
    RETURN NULL;
  END IF;
  moment := t::timestamp;
  FOREACH modifier IN ARRAY modifiers LOOP
    moment := crm_apply_modifier(moment, modifier);
  END LOOP;
  RETURN to_char(moment, 'YYYY-MM-DD');
END
$$;

CREATE OR REPLACE FUNCTION datetime(t text, VARIADIC modifiers text[] DEFAULT '{}') RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  moment timestamp;
  modifier text;
BEGIN
  IF t IS NULL THEN
    RETURN NULL;
  END IF;
  moment := t::timestamp;
  FOREACH modifier IN ARRAY modifiers LOOP
    moment := crm_apply_modifier(moment, modifier);
  END LOOP;
  RETURN to_char(moment, 'YYYY-MM-DD HH24:MI:SS');
END
$$;

CREATE OR REPLACE FUNCTION strftime(format text, t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN t IS NULL OR format IS NULL THEN NULL ELSE
    to_char(t::timestamp,
      replace(replace(replace(replace(replace(replace(replace(
        format, '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD'), '%H', 'HH24'), '%M', 'MI'), '%S', 'SS'), '%j', 'DDD'))
  END
$$;

-- SQLite's scalar max()/min() with two arguments
CREATE OR REPLACE FUNCTION max(a bigint, b bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END $$;
CREATE OR REPLACE FUNCTION min(a bigint, b bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE least(a, b) END $$;
CREATE OR REPLACE FUNCTION max(a double precision, b double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END $$;
CREATE OR REPLACE FUNCTION min(a double precision, b double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE least(a, b) END $$;
CREATE OR REPLACE FUNCTION max(a text, b text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END $$;
CREATE OR REPLACE FUNCTION min(a text, b text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE least(a, b) END $$;

CREATE OR REPLACE FUNCTION ifnull(a anyelement, b anyelement) RETURNS anyelement
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(a, b) $$;

-- group_concat(x [, separator]): string_agg with SQLite's default separator and any argument type
CREATE OR REPLACE FUNCTION crm_concat_step(acc text, value anyelement, separator text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value::text ELSE acc || separator || value::text END
$$;
CREATE OR REPLACE FUNCTION crm_concat_step(acc text, value anyelement) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value::text ELSE acc || ',' || value::text END
$$;
DROP AGGREGATE IF EXISTS group_concat(anyelement, text);
CREATE AGGREGATE group_concat(anyelement, text) (SFUNC = crm_concat_step, STYPE = text);
DROP AGGREGATE IF EXISTS group_concat(anyelement);
CREATE AGGREGATE group_concat(anyelement) (SFUNC = crm_concat_step, STYPE = text);

-- SUM(condition) / AVG(condition): SQLite's comparisons are the integers 0 and 1
CREATE OR REPLACE FUNCTION crm_bool_sum_step(acc bigint, value boolean) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN acc ELSE coalesce(acc, 0) + value::int END
$$;
DROP AGGREGATE IF EXISTS sum(boolean);
CREATE AGGREGATE sum(boolean) (SFUNC = crm_bool_sum_step, STYPE = bigint);
CREATE OR REPLACE FUNCTION crm_bool_avg_step(acc bigint[], value boolean) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN acc ELSE ARRAY[acc[1] + value::int, acc[2] + 1] END
$$;
CREATE OR REPLACE FUNCTION crm_bool_avg_final(acc bigint[]) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN acc[2] = 0 THEN NULL ELSE acc[1]::double precision / acc[2] END
$$;
DROP AGGREGATE IF EXISTS avg(boolean);
CREATE AGGREGATE avg(boolean) (SFUNC = crm_bool_avg_step, STYPE = bigint[], FINALFUNC = crm_bool_avg_final, INITCOND = '{0,0}');

-- The distinct two-character pieces of a text, lower-cased, without whitespace: a GIN index on them
-- finds a two-character search term (a Chinese given name, say), which pg_trgm cannot (desktop_crm/search.py).
CREATE OR REPLACE FUNCTION crm_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT piece), '{}')
  FROM (SELECT substr(s.l, i, 2) AS piece
        FROM (SELECT lower(t) AS l) AS s CROSS JOIN LATERAL generate_series(1, length(s.l) - 1) AS i) AS p
  WHERE piece !~ '\s'
$$;
