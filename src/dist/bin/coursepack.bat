@echo off
rem coursepack launcher (Windows): runs lib\coursepack.jar with Java 17 or later, found in
rem JAVA_HOME, else on the PATH, with the options that suit a short run (below). JAVA_OPTS passes
rem options to Java.
setlocal
set "CP_HOME=%~dp0.."
set "CP_JAR=%CP_HOME%\lib\coursepack.jar"
if defined JAVA_HOME (
  set "CP_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "CP_JAVA=java.exe"
)
if defined JAVA_HOME if not exist "%CP_JAVA%" (
  echo coursepack: JAVA_HOME is %JAVA_HOME%, but %CP_JAVA% is not there. 1>&2
  echo Set JAVA_HOME to a Java 17 ^(or later^) installation, or remove it to use the java on the PATH. 1>&2
  exit /b 2
)
if not defined JAVA_HOME (
  where java.exe >nul 2>nul || (
    echo coursepack: Java was not found. coursepack needs Java 17 or later. 1>&2
    echo Install it ^(for example https://adoptium.net^) or set JAVA_HOME to an installed Java. 1>&2
    exit /b 2
  )
)
rem The major version: "1.8.0_392" is 8, "17.0.15" is 17.
set "CP_VERSION="
for /f "tokens=3" %%v in ('"%CP_JAVA%" -version 2^>^&1 ^| findstr /i "version"') do if not defined CP_VERSION set "CP_VERSION=%%~v"
for /f "delims=._- tokens=1,2" %%a in ("%CP_VERSION%") do (
  if "%%a"=="1" (set "CP_MAJOR=%%b") else (set "CP_MAJOR=%%a")
)
if not defined CP_MAJOR set "CP_MAJOR=0"
if %CP_MAJOR% LSS 17 (
  echo coursepack: %CP_JAVA% is Java %CP_VERSION%; coursepack needs Java 17 or later. 1>&2
  echo Install a newer Java ^(for example https://adoptium.net^) or set JAVA_HOME to one. 1>&2
  exit /b 2
)
if not exist "%CP_JAR%" (
  echo coursepack: %CP_JAR% is missing; unpack the coursepack zip again. 1>&2
  exit /b 2
)
rem The quick compiler alone and the serial collector suit a run of a few seconds: half the
rem processor time and memory of the defaults (see bin/coursepack). JAVA_OPTS comes after, so that
rem it can set either otherwise; a collector it names replaces the serial one.
set "CP_JVM=-XX:TieredStopAtLevel=1"
echo " %JAVA_OPTS%" | findstr /r /c:" -XX:+Use.*GC" >nul || set "CP_JVM=%CP_JVM% -XX:+UseSerialGC"
"%CP_JAVA%" %CP_JVM% %JAVA_OPTS% -jar "%CP_JAR%" %*
exit /b %ERRORLEVEL%
