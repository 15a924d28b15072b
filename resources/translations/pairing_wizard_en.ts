<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DevicePage</name>
    <message numerus="yes">
        <source>%n consumers have this email: pick the right one.</source>
        <translation>
            <numerusform>%n consumer has this email: pick the right one.</numerusform>
            <numerusform>%n consumers have this email: pick the right one.</numerusform>
        </translation>
    </message>
</context>
</TS>
